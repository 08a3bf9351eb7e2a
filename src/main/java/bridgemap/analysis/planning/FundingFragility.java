package bridgemap.analysis.planning;

import bridgemap.analysis.coverage.CoverageAnalysis;
import bridgemap.analysis.coverage.CoverageResult;
import bridgemap.model.NetworkHistory;
import bridgemap.model.NetworkSnapshot;
import java.util.List;
import java.util.Objects;

/** The funding fragility report: the coverage analysis's funding findings with the funding mix beside them. */
public final class FundingFragility {

    private FundingFragility() {}

    public static FundingReport compute(NetworkSnapshot snapshot, String borough) {
        Objects.requireNonNull(snapshot, "snapshot");
        CoverageResult coverage = CoverageAnalysis.compute(snapshot, borough);
        NetworkHistory structure = new NetworkHistory(snapshot.asOf(), snapshot.boroughs(), snapshot.needs(), snapshot.nodes(),
                snapshot.settings(), snapshot.practitioners(), snapshot.placements(), snapshot.funders(), snapshot.funding(),
                snapshot.successions());
        TimelineResult.Year mix = Timeline.compute(structure, List.of(snapshot.asOf())).years().get(0);
        List<CoverageResult.Cell> singleFunder = coverage.cells().stream()
                .filter(c -> c.reasons().contains(CoverageResult.SINGLE_FUNDER)).toList();
        return new FundingReport(snapshot.asOf(), borough, mix.fundingGbp(), mix.fundingShares(), mix.hhi(),
                coverage.fundingEnding(), singleFunder, coverage.funderLosses());
    }
}
