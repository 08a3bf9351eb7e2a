package bridgemap.ingest;

import bridgemap.model.Activity;
import bridgemap.model.Setting;
import bridgemap.model.Succession;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The ids already in the store and what each names, so a bundle may refer to them; and, for the files that depend on
 * a setting's kind or borough ({@code activity.csv}, {@code catchments.csv}), the stored settings and activity rows;
 * for {@code successions.csv}, the stored successions.
 */
public final class StoredIds {

    public static final StoredIds NONE = new StoredIds(Map.of());

    private final Map<String, NodeKind> kinds;
    private final Map<String, Setting> settings;
    private final List<Activity> activity;
    private final List<Succession> successions;

    public StoredIds(Map<String, NodeKind> kinds) {
        this(kinds, List.of(), List.of());
    }

    /** Ids and kinds, the stored settings and every stored activity row; no stored succession. */
    public StoredIds(Map<String, NodeKind> kinds, List<Setting> settings, List<Activity> activity) {
        this(kinds, settings, activity, List.of());
    }

    /** Ids and kinds, the stored settings, every stored activity row and every stored succession. */
    public StoredIds(Map<String, NodeKind> kinds, List<Setting> settings, List<Activity> activity,
            List<Succession> successions) {
        this.kinds = Collections.unmodifiableMap(new HashMap<>(kinds));
        Map<String, Setting> byId = new HashMap<>();
        settings.forEach(s -> byId.put(s.id(), s));
        this.settings = Collections.unmodifiableMap(byId);
        this.activity = List.copyOf(activity);
        this.successions = List.copyOf(successions);
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

    /** Every stored succession, for checking a bundle's against them (cycles, splits, dates along a chain). */
    public List<Succession> successions() {
        return successions;
    }

    public int size() {
        return kinds.size();
    }
}
