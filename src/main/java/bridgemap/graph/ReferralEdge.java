package bridgemap.graph;

import bridgemap.model.Outcome;
import bridgemap.model.Tally;

/**
 * An edge u → v of the referral graph: how many referrals in the window went from u to v, and how they
 * ended, each also as a {@link Tally} for disclosure control. Mutable only while {@link ReferralGraph} is
 * being built.
 */
public final class ReferralEdge {

    private static final Outcome[] OUTCOMES = Outcome.values();

    private int referrals;
    private int referralsKey;
    private final int[] byOutcome = new int[OUTCOMES.length];
    private final int[] byOutcomeKey = new int[OUTCOMES.length];

    ReferralEdge() {}

    void count(Outcome outcome, int recordKey) {
        referrals++;
        referralsKey = Math.floorMod(referralsKey + recordKey, Tally.KEYS);
        byOutcome[outcome.ordinal()]++;
        byOutcomeKey[outcome.ordinal()] = Math.floorMod(byOutcomeKey[outcome.ordinal()] + recordKey, Tally.KEYS);
    }

    /** The edge weight: number of referrals. */
    public int referrals() {
        return referrals;
    }

    /** The referrals, with their cell key. */
    public Tally referralsTally() {
        return new Tally(referrals, referralsKey);
    }

    /** The referrals that ended with {@code outcome}, with their cell key. */
    public Tally tally(Outcome outcome) {
        return new Tally(byOutcome[outcome.ordinal()], byOutcomeKey[outcome.ordinal()]);
    }

    public int accepted() {
        return byOutcome[Outcome.ACCEPTED.ordinal()];
    }

    public int declined() {
        return byOutcome[Outcome.DECLINED.ordinal()];
    }

    public int noResponse() {
        return byOutcome[Outcome.NO_RESPONSE.ordinal()];
    }

    public int withdrawn() {
        return byOutcome[Outcome.WITHDRAWN.ordinal()];
    }

    public int pending() {
        return byOutcome[Outcome.PENDING.ordinal()];
    }
}
