package bridgemap.model;

import java.util.List;

/**
 * A service an agency offers to some boroughs, accepting some needs and excluding others.
 *
 * @param kind what kind of service it is, in the field's words ("community mental health team", "drug and alcohol
 *     service"), or null when the bundle does not say; pathways are grouped by it
 */
public record Service(
        String id,
        String name,
        String agencyId,
        List<String> boroughIds,
        List<String> accepts,
        List<String> excludes,
        Integer capacityPerMonth,
        Double waitWeeks,
        Period period,
        String kind) {

    public Service {
        boroughIds = List.copyOf(boroughIds);
        accepts = List.copyOf(accepts);
        excludes = List.copyOf(excludes);
    }

    /** A service whose kind is not stated. */
    public Service(String id, String name, String agencyId, List<String> boroughIds, List<String> accepts,
            List<String> excludes, Integer capacityPerMonth, Double waitWeeks, Period period) {
        this(id, name, agencyId, boroughIds, accepts, excludes, capacityPerMonth, waitWeeks, period, null);
    }
}
