package bridgemap.graph;

/**
 * An edge u → v of the referral graph: how many referrals in the window went from u to v, and how they
 * ended. Mutable only while {@link ReferralGraph} is being built.
 */
public final class ReferralEdge {

    private int referrals;
    private int accepted;
    private int declined;
    private int noResponse;
    private int withdrawn;
    private int pending;

    ReferralEdge() {}

    void count(bridgemap.model.Outcome outcome) {
        referrals++;
        switch (outcome) {
            case ACCEPTED -> accepted++;
            case DECLINED -> declined++;
            case NO_RESPONSE -> noResponse++;
            case WITHDRAWN -> withdrawn++;
            case PENDING -> pending++;
        }
    }

    /** The edge weight: number of referrals. */
    public int referrals() {
        return referrals;
    }

    public int accepted() {
        return accepted;
    }

    public int declined() {
        return declined;
    }

    public int noResponse() {
        return noResponse;
    }

    public int withdrawn() {
        return withdrawn;
    }

    public int pending() {
        return pending;
    }
}
