package bridgemap.store;

import java.util.TreeMap;
import java.util.Map;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;

/** Reads the counts behind {@code bridgemap stats} and {@code GET /api/stats}. */
public final class StatsRepository {

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
            counts.put(key, map.get(key).asLong());
        }
        return counts;
    }
}
