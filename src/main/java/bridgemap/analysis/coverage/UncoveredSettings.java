package bridgemap.analysis.coverage;

import bridgemap.analysis.coverage.CoverageResult.CellKey;
import bridgemap.analysis.coverage.CoverageResult.UncoveredSetting;
import bridgemap.model.NetworkSnapshot;
import bridgemap.model.Placement;
import bridgemap.model.Setting;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Entry settings nobody covers.
 *
 * <p>Definition ({@code docs/analysis.md}, "Coverage"): the settings of the {@link CellCover}'s cells that are
 * entries ({@link bridgemap.model.SettingKind#isEntry()}: police custody, magistrates' and Crown Courts) and at
 * which no practitioner in post has a placement active on D — under a borough filter, those serving the borough
 * (their catchment includes it). Each is named with the borough it stands in and listed by that borough's name,
 * then kind, name and id. O(S log S + P) for S settings and P active placements.
 */
public final class UncoveredSettings {

    private UncoveredSettings() {}

    /** The uncovered entry settings of the cover's cells, in reading order. */
    public static List<UncoveredSetting> compute(CellCover cover) {
        Objects.requireNonNull(cover, "cover");
        NetworkSnapshot snapshot = cover.snapshot();
        Set<String> placedAt = new HashSet<>();
        for (Placement placement : cover.placements()) {
            placedAt.add(placement.settingId());
        }
        Map<String, String> boroughNames = new HashMap<>();
        snapshot.boroughs().forEach(b -> boroughNames.put(b.id(), b.name()));
        Function<Setting, CellKey> standsIn = s -> new CellKey(s.boroughId(),
                boroughNames.getOrDefault(s.boroughId(), s.boroughId()), s.kind());
        return snapshot.settings().stream()
                .filter(s -> s.kind().isEntry() && !cover.cellsOfSetting(s.id()).isEmpty())
                .filter(s -> !placedAt.contains(s.id()))
                .sorted(Comparator.comparing(standsIn, CellCover.CELL_ORDER)
                        .thenComparing(s -> snapshot.node(s.id()).name())
                        .thenComparing(Setting::id))
                .map(s -> new UncoveredSetting(snapshot.node(s.id()), standsIn.apply(s).boroughName()))
                .toList();
    }
}
