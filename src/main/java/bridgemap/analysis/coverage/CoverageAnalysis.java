package bridgemap.analysis.coverage;

import bridgemap.analysis.coverage.CoverageResult.Cell;
import bridgemap.model.NetworkSnapshot;
import java.util.List;
import java.util.Objects;

/**
 * Coverage holes: which borough × setting-kind cells have mental-health practitioner cover on day D, and how
 * much that cover rests on one person or one funder — {@link Cells} (each with its {@link Fragility}),
 * {@link UncoveredSettings}, {@link EndingFunding}, {@link PractitionerLosses} and {@link FunderLosses}, with
 * their {@link CoverageSummary}, each as {@code docs/analysis.md} ("Coverage") defines it, all read from one
 * {@link CellCover}.
 *
 * <p>Under a borough filter every list keeps only that borough's cells (a funding row is listed when its
 * practitioner covers one of them). An unknown borough filter is an error.
 *
 * <p>O(S + P log P + F log F + C·(p + f)) for S settings, P placements, F funding rows and C cells with p
 * practitioners and f funders each, plus O(F·(P + C·p)) for the funder losses.
 */
public final class CoverageAnalysis {

    private CoverageAnalysis() {}

    /**
     * Coverage of every borough, or of one.
     *
     * @param boroughFilter a borough's GSS code, or null for every borough
     * @throws IllegalArgumentException when the filter names a borough the snapshot does not have, or a
     *     placement or funding row names a setting or funder it does not have
     */
    public static CoverageResult compute(NetworkSnapshot snapshot, String boroughFilter) {
        Objects.requireNonNull(snapshot, "snapshot");
        CellCover cover = CellCover.of(snapshot, boroughFilter);
        List<Cell> cells = Cells.compute(cover);
        return new CoverageResult(
                snapshot.asOf(),
                boroughFilter,
                CoverageSummary.compute(cover, cells),
                cells,
                UncoveredSettings.compute(cover),
                EndingFunding.compute(cover),
                PractitionerLosses.compute(cover),
                FunderLosses.compute(cover));
    }
}
