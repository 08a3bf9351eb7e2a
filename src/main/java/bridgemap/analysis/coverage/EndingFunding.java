package bridgemap.analysis.coverage;

import bridgemap.analysis.coverage.CoverageResult.FundingEnding;
import bridgemap.model.NetworkSnapshot;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Funding that runs out within a year.
 *
 * <p>Definition ({@code docs/analysis.md}, "Coverage"): the funding rows active on D whose end falls in
 * (D, D + {@value NetworkSnapshot#WINDOW_DAYS}], each with its funder, practitioner, end, amount and the cells
 * that practitioner covers (none for a post not placed at a setting, such as a manager's). Under a borough filter
 * only rows of practitioners placed in one of its cells are listed. Soonest end first, then funder name, then
 * practitioner id. O(F log F + F·c) for F active rows and practitioners in c cells.
 */
public final class EndingFunding {

    private EndingFunding() {}

    /** The active funding rows of the cover that end within a year of D. */
    public static List<FundingEnding> compute(CellCover cover) {
        Objects.requireNonNull(cover, "cover");
        NetworkSnapshot snapshot = cover.snapshot();
        return cover.activeFunding().stream()
                .filter(f -> f.period().endsWithin(snapshot.asOf(), NetworkSnapshot.WINDOW_DAYS))
                .filter(f -> cover.boroughFilter() == null || cover.isPlaced(f.practitionerId()))
                .map(f -> new FundingEnding(cover.funder(f.funderId()), snapshot.node(f.practitionerId()),
                        f.period().end(), f.amountGbp(), List.copyOf(cover.cellsOf(f.practitionerId()))))
                .sorted(Comparator.comparing(FundingEnding::end)
                        .thenComparing(e -> e.funder().name())
                        .thenComparing(e -> e.practitioner().id()))
                .toList();
    }
}
