package bridgemap.store;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Node counts per label and relationship counts per type, each in alphabetical order. */
public record StoreStats(Map<String, Long> labels, Map<String, Long> relationships) {

    public StoreStats {
        labels = Collections.unmodifiableMap(new LinkedHashMap<>(labels));
        relationships = Collections.unmodifiableMap(new LinkedHashMap<>(relationships));
    }

    /** Total number of nodes of the model's labels. */
    public long nodeCount() {
        return labels.values().stream().mapToLong(Long::longValue).sum();
    }

    public long count(String label) {
        return labels.getOrDefault(label, 0L);
    }

    public long relationshipCount(String type) {
        return relationships.getOrDefault(type, 0L);
    }
}
