package bridgemap.ingest;

import bridgemap.model.Activity;
import bridgemap.model.Setting;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The ids already in the store and what each names, so a bundle may refer to them; and, for the files that depend on
 * a setting's kind or borough ({@code activity.csv}, {@code catchments.csv}), the stored settings and activity rows.
 */
public final class StoredIds {

    public static final StoredIds NONE = new StoredIds(Map.of());

    private final Map<String, NodeKind> kinds;
    private final Map<String, Setting> settings;
    private final List<Activity> activity;

    public StoredIds(Map<String, NodeKind> kinds) {
        this(kinds, List.of(), List.of());
    }

    /** Ids and kinds, the stored settings and every stored activity row. */
    public StoredIds(Map<String, NodeKind> kinds, List<Setting> settings, List<Activity> activity) {
        this.kinds = Collections.unmodifiableMap(new HashMap<>(kinds));
        Map<String, Setting> byId = new HashMap<>();
        settings.forEach(s -> byId.put(s.id(), s));
        this.settings = Collections.unmodifiableMap(byId);
        this.activity = List.copyOf(activity);
    }

    public Optional<NodeKind> kindOf(String id) {
        return Optional.ofNullable(kinds.get(id));
    }

    /** The stored setting with this id, if the store holds it (and it was read). */
    public Optional<Setting> setting(String id) {
        return Optional.ofNullable(settings.get(id));
    }

    /** Every stored activity row. */
    public List<Activity> activity() {
        return activity;
    }

    public int size() {
        return kinds.size();
    }
}
