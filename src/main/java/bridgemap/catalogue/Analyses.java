package bridgemap.catalogue;

import bridgemap.analysis.bottlenecks.BottleneckAnalysis;
import bridgemap.analysis.bottlenecks.BottlenecksResult;
import bridgemap.analysis.coverage.CoverageAnalysis;
import bridgemap.analysis.coverage.CoverageResult;
import bridgemap.analysis.failure.PointsOfFailure;
import bridgemap.analysis.failure.PointsOfFailureResult;
import bridgemap.analysis.gaps.GapsAnalysis;
import bridgemap.analysis.gaps.GapsResult;
import bridgemap.analysis.outcomes.BrokerOutcomes;
import bridgemap.analysis.outcomes.OutcomesResult;
import bridgemap.analysis.planning.FundingFragility;
import bridgemap.analysis.planning.FundingReport;
import java.util.List;
import java.util.Optional;

/**
 * The catalogue: every analysis the command line ({@code analyze NAME}), the HTTP API
 * ({@code GET /api/analysis/NAME}), the CSV export ({@code NAME-SECTION.csv}) and the result cache offer, in the
 * order they list them. Adding an analysis is one line here (CONTRIBUTING.md has the recipe).
 */
public final class Analyses {

    public static final Analysis<GapsResult> GAPS = new Analysis<>("gaps",
            "Fall-through-the-net gaps: need combinations no service takes (\"between two stools\"), dead ends, hand-offs "
                    + "that lose people, and courts and custody suites from which no accepting service is reachable.",
            GapsAnalysis::compute, GapsReport::table, GapsReport.CSV);

    public static final Analysis<BottlenecksResult> BOTTLENECKS = new Analysis<>("bottlenecks",
            "Brokerage bottlenecks on the referral graph: betweenness, cut vertices and bridges, the criminal-justice → "
                    + "health broker cut, Gould–Fernandez roles, Burt's constraint, referrals per FTE, what each "
                    + "criminal-justice setting's routes to health rest on, and services over capacity or with long waits.",
            BottleneckAnalysis::compute, BottlenecksReport::table, BottlenecksReport.CSV);

    public static final Analysis<CoverageResult> COVERAGE = new Analysis<>("coverage",
            "Coverage holes: borough × setting kind cover by practitioners and funders, fragile places, funding ending "
                    + "within 12 months, and what each practitioner's or funder's loss would uncover.",
            CoverageAnalysis::compute, CoverageReport::table, CoverageReport.CSV);

    public static final Analysis<OutcomesResult> OUTCOMES = new Analysis<>("outcomes",
            "What brokers add: for each cross-sector hand-off, acceptance and dead-end rates of brokered against direct "
                    + "referrals, with counts and Wilson 95% intervals. An association, not a cause.",
            BrokerOutcomes::compute, OutcomesReport::table, OutcomesReport.CSV);

    public static final Analysis<FundingReport> FUNDING = new Analysis<>("funding",
            "Funding fragility: the funding mix and its concentration (HHI), posts whose funding ends within 12 months, "
                    + "places resting on one funder, and what each funder's withdrawal would uncover.",
            FundingFragility::compute, FundingFragilityReport::table, FundingFragilityReport.CSV);

    /**
     * Structure, cover and flow in one answer: the coverage of the same snapshot and borough is its input (its N−1
     * lists are read as they are); betweenness, the costly part of the bottlenecks, is not needed.
     */
    public static final Analysis<PointsOfFailureResult> POINTS_OF_FAILURE = new Analysis<>("points-of-failure",
            "Single points of failure: each practitioner, funder or broker whose loss alone would leave a place with no "
                    + "practitioner (N−1), take most of a setting's people's route to health (main broker, sole bridge) or "
                    + "split the referral network (cut vertex), in plain words, most people depending first.",
            (snapshot, borough) -> PointsOfFailure.compute(snapshot, borough, CoverageAnalysis.compute(snapshot, borough)),
            PointsOfFailureReport::table, PointsOfFailureReport.CSV);

    /** Every analysis, in the order the command line, the API and the CSV export list them. */
    public static final List<Analysis<?>> ALL = List.of(GAPS, BOTTLENECKS, COVERAGE, OUTCOMES, FUNDING, POINTS_OF_FAILURE);

    private Analyses() {}

    /** The analysis called {@code name}, if there is one. */
    public static Optional<Analysis<?>> named(String name) {
        return ALL.stream().filter(a -> a.name().equals(name)).findFirst();
    }

    /** The names, in order: "gaps, bottlenecks, …". */
    public static List<String> names() {
        return ALL.stream().map(Analysis::name).toList();
    }
}
