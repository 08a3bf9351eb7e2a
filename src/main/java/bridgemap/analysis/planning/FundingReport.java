package bridgemap.analysis.planning;

import bridgemap.analysis.coverage.CoverageResult;
import java.time.LocalDate;
import java.util.List;

/**
 * Funding fragility as of a day: the funding mix (each funder's share and the HHI), posts whose funding
 * ends within 12 months, the cells resting on a single funder, and what each funder's withdrawal would uncover.
 */
public record FundingReport(
        LocalDate asOf,
        String boroughId,
        double fundingActiveGbp,
        List<TimelineResult.FunderShare> shares,
        double hhi,
        List<CoverageResult.FundingEnding> endingWithinYear,
        List<CoverageResult.Cell> singleFunderCells,
        List<CoverageResult.FunderLoss> funderLosses) {

    public FundingReport {
        shares = List.copyOf(shares);
        endingWithinYear = List.copyOf(endingWithinYear);
        singleFunderCells = List.copyOf(singleFunderCells);
        funderLosses = List.copyOf(funderLosses);
    }
}
