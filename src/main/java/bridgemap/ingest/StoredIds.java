package bridgemap.ingest;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** The ids already in the store and what each names, so a bundle may refer to them. */
public final class StoredIds {

    public static final StoredIds NONE = new StoredIds(Map.of());

    private final Map<String, NodeKind> kinds;

    public StoredIds(Map<String, NodeKind> kinds) {
        this.kinds = Collections.unmodifiableMap(new HashMap<>(kinds));
    }

    public Optional<NodeKind> kindOf(String id) {
        return Optional.ofNullable(kinds.get(id));
    }

    public int size() {
        return kinds.size();
    }
}
