package bridgemap.analysis.coverage;

import bridgemap.analysis.coverage.CoverageResult.CellKey;
import bridgemap.analysis.coverage.CoverageResult.PractitionerLoss;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * N−1 per practitioner: what losing one person uncovers.
 *
 * <p>Definition ({@code docs/analysis.md}, "Coverage"): for each practitioner placed in a cell of the
 * {@link CellCover}, the cells where they are the only practitioner — those become holes without them. Only
 * practitioners who would empty at least one cell are listed: most cells first, then by id; each one's cells in
 * reading order. O(P log P + P·c) for P placed practitioners in c cells each.
 */
public final class PractitionerLosses {

    private PractitionerLosses() {}

    /** The practitioners who alone hold some cell of the cover. */
    public static List<PractitionerLoss> compute(CellCover cover) {
        Objects.requireNonNull(cover, "cover");
        List<PractitionerLoss> losses = new ArrayList<>();
        for (String practitioner : new TreeSet<>(cover.placed())) {
            List<CellKey> lost = cover.cellsOf(practitioner).stream()
                    .filter(key -> cover.practitionersOf(key).size() == 1)
                    .toList();
            if (!lost.isEmpty()) {
                losses.add(new PractitionerLoss(cover.snapshot().node(practitioner), lost));
            }
        }
        losses.sort(Comparator.comparing((PractitionerLoss l) -> l.cellsLost().size(), Comparator.reverseOrder())
                .thenComparing(l -> l.practitioner().id()));
        return losses;
    }
}
