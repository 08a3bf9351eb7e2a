package bridgemap.analysis.coverage;

import bridgemap.analysis.coverage.CoverageResult.Cell;
import bridgemap.analysis.coverage.CoverageResult.CellKey;
import bridgemap.model.Funder;
import bridgemap.model.NetworkNode;
import bridgemap.model.NetworkSnapshot;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Every borough × setting-kind cell with who covers it on D.
 *
 * <p>Definition ({@code docs/analysis.md}, "Coverage"): per cell of the {@link CellCover}, its settings (by
 * name, then id), the practitioners placed at them (by id), their <b>FTE</b> — a practitioner's FTE split
 * equally over their active placements, so a 1.0 FTE court &amp; probation post adds 0.5 to each cell — the
 * distinct <b>funders</b> paying for those practitioners on D (by name, then id), and its {@link Fragility}.
 * Cells come in {@link CellCover#CELL_ORDER}: by borough name, then kind.
 *
 * <p>O(C·(s log s + p·f + f log f)) for C cells with s settings, p practitioners and f funders each.
 */
public final class Cells {

    private Cells() {}

    /** The cells of the cover, in reading order. */
    public static List<Cell> compute(CellCover cover) {
        Objects.requireNonNull(cover, "cover");
        NetworkSnapshot snapshot = cover.snapshot();
        List<Cell> cells = new ArrayList<>();
        for (CellKey key : cover.cells()) {
            Set<String> practitioners = cover.practitionersOf(key);
            Set<String> funders = new TreeSet<>();
            boolean unfunded = false;
            for (String practitioner : practitioners) {
                Set<String> paying = cover.fundersOf(practitioner);
                funders.addAll(paying);
                unfunded |= paying.isEmpty();
            }
            Fragility fragility = Fragility.of(practitioners.size(), funders.size(), unfunded);
            cells.add(new Cell(key.boroughId(), key.boroughName(), key.kind(),
                    cover.settingsOf(key).stream().map(s -> snapshot.node(s.id()))
                            .sorted(Comparator.comparing(NetworkNode::name).thenComparing(NetworkNode::id)).toList(),
                    cover.nodes(practitioners),
                    cover.fteOf(key),
                    funders.stream().map(cover::funder)
                            .sorted(Comparator.comparing(Funder::name).thenComparing(Funder::id)).toList(),
                    fragility.status(),
                    fragility.reasons()));
        }
        return cells;
    }
}
