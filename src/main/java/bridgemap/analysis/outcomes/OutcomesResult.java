package bridgemap.analysis.outcomes;

import bridgemap.model.Sector;
import bridgemap.model.Tally;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * Brokered against direct hand-offs between each ordered pair of sectors. This shows an association in
 * the data, not a cause: see {@link #CAVEAT}.
 *
 * @param asOf the day D
 * @param boroughId the borough filter, or null for all boroughs
 * @param pairs one row per ordered sector pair with at least one brokered or direct hand-off, in the
 *     sectors' declared order (criminal justice first)
 */
public record OutcomesResult(LocalDate asOf, String boroughId, List<SectorPairOutcomes> pairs) {

    /** What a reader must be told beside these numbers. */
    public static final String CAVEAT = "This shows an association in the data, not a cause.";

    public OutcomesResult {
        Objects.requireNonNull(asOf, "asOf");
        pairs = List.copyOf(pairs);
    }

    /**
     * Hand-offs from sector {@code from} (A) to sector {@code to} (B).
     *
     * @param brokered via a voluntary-sector node that A referred the case to earlier
     * @param direct straight from an A node to a B node
     */
    public record SectorPairOutcomes(Sector from, Sector to, HandOffOutcomes brokered, HandOffOutcomes direct) {}

    /**
     * How one kind of hand-off (brokered or direct) turned out.
     *
     * @param handOffs referrals of this kind
     * @param accepted those accepted
     * @param pending those still pending (left out of the acceptance rate)
     * @param acceptance accepted / (hand-offs − pending), per referral
     * @param cases the cases compared for dead ends: for brokered, cases with at least one brokered A → B
     *     hand-off; for direct, cases with direct A → B hand-offs and no brokered one
     * @param resolvedCases those of the cases whose last referral is at least 90 days old
     * @param deadEnds resolved cases that dead-ended (as {@code DeadEnds} defines it)
     * @param deadEndRate dead ends / resolved cases, per case
     */
    public record HandOffOutcomes(
            Tally handOffs,
            Tally accepted,
            Tally pending,
            Proportion acceptance,
            Tally cases,
            Tally resolvedCases,
            Tally deadEnds,
            Proportion deadEndRate) {}
}
