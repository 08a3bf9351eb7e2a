package bridgemap.testing;

import bridgemap.model.Ratio;
import bridgemap.model.Tally;

/**
 * Expected counts for snapshots built by hand, whose cases and referrals carry record key 0: a count is then a
 * {@link Tally} with cell key 0.
 */
public final class Counts {

    private Counts() {}

    public static Tally n(long value) {
        return new Tally(value, 0);
    }

    public static Ratio rate(long part, long whole) {
        return new Ratio(n(part), n(whole));
    }
}
