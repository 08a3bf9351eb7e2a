package bridgemap.analysis.coverage;

import bridgemap.analysis.coverage.CoverageResult.UncoveredSetting;
import bridgemap.model.NetworkSnapshot;
import bridgemap.model.Placement;
import bridgemap.model.Setting;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Entry settings nobody covers.
 *
 * <p>Definition ({@code docs/analysis.md}, "Coverage"): the settings of the {@link CellCover}'s cells that are
 * entries ({@link bridgemap.model.SettingKind#isEntry()}: police custody, magistrates' and Crown Courts) and at
 * which no practitioner in post has a placement active on D. Listed by cell (borough name, then kind), then by
 * name and id. O(S log S + P) for S settings and P active placements.
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
        return snapshot.settings().stream()
                .filter(s -> s.kind().isEntry() && cover.cellOf(s.id()) != null)
                .filter(s -> !placedAt.contains(s.id()))
                .sorted(Comparator.comparing((Setting s) -> cover.cellOf(s.id()), CellCover.CELL_ORDER)
                        .thenComparing(s -> snapshot.node(s.id()).name())
                        .thenComparing(Setting::id))
                .map(s -> new UncoveredSetting(snapshot.node(s.id()), cover.cellOf(s.id()).boroughName()))
                .toList();
    }
}
