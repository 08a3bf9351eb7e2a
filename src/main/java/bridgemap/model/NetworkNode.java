package bridgemap.model;

import java.util.Objects;

/**
 * A setting, agency, practitioner or service as every analysis reports it: its id, a readable name,
 * its sector and its kind. The sector is the node's own for an agency, its {@code run_by} agency's for
 * a setting, its employer's for a practitioner and its offering agency's for a service. The kind is the
 * setting kind, agency kind, practitioner role, or {@code service}. {@code boroughId} is a setting's
 * borough, else null.
 */
public record NetworkNode(String id, NodeType type, String name, Sector sector, String kind, String boroughId) {

    public NetworkNode {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(sector, "sector");
        Objects.requireNonNull(kind, "kind");
    }
}
