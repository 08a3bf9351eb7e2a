package bridgemap.analysis.gaps;

import bridgemap.model.NetworkNode;
import bridgemap.model.Ratio;
import bridgemap.model.Sector;
import bridgemap.model.Tally;
import java.util.List;

/**
 * Where referral chains end with nobody taking the person on, as of D. Counts of people are plain here;
 * disclosure control is applied where results are shown.
 *
 * @param cases in-scope cases
 * @param resolved cases whose last referral is at least 90 days old
 * @param deadEnds resolved cases whose last referral was declined, unanswered or withdrawn
 * @param rate dead ends / resolved (no value when none is resolved)
 * @param byBorough per borough of the case
 * @param byHandOff per sector pair of the last referral
 * @param endpoints the nodes dead-end chains were last referred to
 */
public record DeadEndsResult(
        Tally cases,
        Tally resolved,
        Tally deadEnds,
        Ratio rate,
        List<BoroughDeadEnds> byBorough,
        List<HandOffDeadEnds> byHandOff,
        List<DeadEndTarget> endpoints) {

    public DeadEndsResult {
        byBorough = List.copyOf(byBorough);
        byHandOff = List.copyOf(byHandOff);
        endpoints = List.copyOf(endpoints);
    }

    /**
     * Dead ends of one borough's cases.
     *
     * @param cases in-scope cases of the borough
     * @param resolved those of them that are resolved
     * @param deadEnds resolved cases that dead-ended
     * @param rate dead ends / resolved, NaN when none is resolved
     */
    public record BoroughDeadEnds(String boroughId, String boroughName, Tally cases, Tally resolved, Tally deadEnds, Ratio rate) {}

    /**
     * Resolved cases by the hand-off their last referral made.
     *
     * @param from sector of the last referral's {@code from} node
     * @param to sector of its {@code to} node
     */
    public record HandOffDeadEnds(Sector from, Sector to, Tally resolved, Tally deadEnds, Ratio rate) {}

    /** A node that dead-end chains were last referred to, with how many. */
    public record DeadEndTarget(NetworkNode node, Tally deadEnds) {}
}
