package bridgemap.analysis.pathways;

import bridgemap.analysis.outcomes.Proportion;
import bridgemap.analysis.outcomes.ProportionDifference;
import bridgemap.model.Tally;

/**
 * One cohort against another (docs/analysis.md, "Pathways: comparisons"): how each cohort's chains ended, split by
 * how they entered (through a voluntary-sector broker or directly), and the difference in engagement and dead
 * ends with Newcombe's 95% interval. An association in the data, not a cause: see {@link #CAVEAT}.
 *
 * @param first the first cohort
 * @param second the second cohort
 * @param engagement first − second, in the share of ended chains that ended engaged
 * @param deadEnds first − second, in the share of ended chains that ended in a dead end
 * @param caveat {@link #CAVEAT}, in the answer itself
 */
public record ComparisonResult(CohortOutcomes first, CohortOutcomes second, ProportionDifference engagement,
        ProportionDifference deadEnds, String caveat) {

    /** What a reader must be told beside these numbers. */
    public static final String CAVEAT = "This compares groups in the data: it shows an association, not a cause.";

    public ComparisonResult(CohortOutcomes first, CohortOutcomes second, ProportionDifference engagement,
            ProportionDifference deadEnds) {
        this(first, second, engagement, deadEnds, CAVEAT);
    }

    /**
     * How one cohort's chains ended: all of them, then those whose first referral went to a voluntary-sector
     * broker and those whose first referral went anywhere else, and the difference between the two.
     */
    public record CohortOutcomes(Cohort cohort, Outcomes all, Outcomes brokered, Outcomes direct,
            ProportionDifference brokeredMinusDirect) {}

    /**
     * Chains and how they ended; engagement and dead-end rate are over the chains that ended (engaged or dead end),
     * each with its Wilson interval.
     */
    public record Outcomes(Tally people, Tally engaged, Tally deadEnds, Tally open, Proportion engagement,
            Proportion deadEndRate) {}
}
