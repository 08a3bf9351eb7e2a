package bridgemap.model;

import java.util.List;

/** A service an agency offers to some boroughs, accepting some needs and excluding others. */
public record Service(
        String id,
        String name,
        String agencyId,
        List<String> boroughIds,
        List<String> accepts,
        List<String> excludes,
        Integer capacityPerMonth,
        Double waitWeeks,
        Period period) {

    public Service {
        boroughIds = List.copyOf(boroughIds);
        accepts = List.copyOf(accepts);
        excludes = List.copyOf(excludes);
    }
}
