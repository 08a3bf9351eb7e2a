package bridgemap.store;

import java.util.TreeMap;
import java.util.Map;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;

/**
 * Reads the counts behind {@code bridgemap stats} and {@code GET /api/stats}. The labels and relationship types of the
 * optional bundle files (catchments, activity, populations, successions) are listed only when the store holds some, so the counts
 * of a store without them read as they did before those files existed.
 */
public final class StatsRepository {

    /** Labels and relationship types of the optional bundle files. */
    private static final java.util.Set<String> LISTED_WHEN_PRESENT = java.util.Set.of("Activity", "Population",
            "CATCHMENT_INCLUDES", "AT", "OF", "SUCCEEDED_BY");

    private final Store store;

    public StatsRepository(Store store) {
        this.store = store;
    }

    public StoreStats stats() {
        Record record = store.read(Query.STATS, Map.of()).get(0);
        return new StoreStats(counts(record.get("labels")), counts(record.get("relationships")));
    }

    private static Map<String, Long> counts(Value map) {
        Map<String, Long> counts = new TreeMap<>();
        for (String key : map.keys()) {
            long count = map.get(key).asLong();
            if (count > 0 || !LISTED_WHEN_PRESENT.contains(key)) {
                counts.put(key, count);
            }
        }
        return counts;
    }
}
