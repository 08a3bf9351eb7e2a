package bridgemap.analysis.coverage;

import bridgemap.analysis.coverage.CoverageResult.CellKey;
import bridgemap.analysis.coverage.CoverageResult.FunderLoss;
import bridgemap.model.Funding;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * N−1 per funder: what one funder's withdrawal uncovers.
 *
 * <p>Definition ({@code docs/analysis.md}, "Coverage"): for each funder with funding active on D, remove every
 * practitioner whose active funding comes only from that funder (practitioners with no funding stay); the cells
 * of the {@link CellCover} that had a practitioner and are left with none are the funder's loss, listed with
 * the placed practitioners removed (by id). Only funders who would empty at least one cell are listed: most cells
 * first, then by funder id; each one's cells in reading order.
 *
 * <p>O(F·(P + C·p)) for F funders, P funded practitioners and C cells of p practitioners each.
 */
public final class FunderLosses {

    private FunderLosses() {}

    /** The funders whose withdrawal empties some cell of the cover. */
    public static List<FunderLoss> compute(CellCover cover) {
        Objects.requireNonNull(cover, "cover");
        Set<String> activeFunders = new TreeSet<>();
        for (Funding funding : cover.activeFunding()) {
            activeFunders.add(funding.funderId());
        }
        List<FunderLoss> losses = new ArrayList<>();
        for (String funderId : activeFunders) {
            Set<String> removed = new HashSet<>();
            cover.funding().forEach((practitioner, paying) -> {
                if (paying.equals(Set.of(funderId))) {
                    removed.add(practitioner);
                }
            });
            List<CellKey> lost = new ArrayList<>();
            for (CellKey key : cover.cells()) {
                Set<String> practitioners = cover.practitionersOf(key);
                if (!practitioners.isEmpty() && removed.containsAll(practitioners)) {
                    lost.add(key);
                }
            }
            if (!lost.isEmpty()) {
                Set<String> placedAndRemoved = new TreeSet<>(removed);
                placedAndRemoved.retainAll(cover.placed());
                losses.add(new FunderLoss(cover.funder(funderId), cover.nodes(placedAndRemoved), lost));
            }
        }
        losses.sort(Comparator.comparing((FunderLoss l) -> l.cellsLost().size(), Comparator.reverseOrder())
                .thenComparing(l -> l.funder().id()));
        return losses;
    }
}
