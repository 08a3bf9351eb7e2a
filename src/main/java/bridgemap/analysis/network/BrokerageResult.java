package bridgemap.analysis.network;

import java.util.Arrays;
import java.util.Objects;

/**
 * Gould–Fernandez brokerage counts per vertex: for each role, {@code counts[role][v]} is the number
 * of ordered pairs (a, b) that v brokers in that role. Immutable: the arrays are copied in and out.
 *
 * @param counts one array per {@link BrokerageRole}, in the enum's order, each indexed by vertex
 */
public record BrokerageResult(long[][] counts) {

    public BrokerageResult {
        Objects.requireNonNull(counts, "counts");
        if (counts.length != BrokerageRole.values().length) {
            throw new IllegalArgumentException("need one count array per role, got " + counts.length);
        }
        long[][] copy = new long[counts.length][];
        for (int r = 0; r < counts.length; r++) {
            copy[r] = Objects.requireNonNull(counts[r], "counts[" + r + "]").clone();
            if (copy[r].length != copy[0].length) {
                throw new IllegalArgumentException("count arrays differ in length");
            }
        }
        counts = copy;
    }

    /** A copy of the counts, one array per role. */
    @Override
    public long[][] counts() {
        long[][] copy = new long[counts.length][];
        for (int r = 0; r < counts.length; r++) {
            copy[r] = counts[r].clone();
        }
        return copy;
    }

    /** The number of vertices. */
    public int vertexCount() {
        return counts[0].length;
    }

    /** How many ordered pairs v brokers in {@code role}. */
    public long count(BrokerageRole role, int v) {
        return counts[role.ordinal()][v];
    }

    /** The counts of one role for every vertex (a copy). */
    public long[] counts(BrokerageRole role) {
        return counts[role.ordinal()].clone();
    }

    /** How many ordered pairs v brokers in any role (sna's {@code t}). */
    public long total(int v) {
        long t = 0;
        for (long[] role : counts) {
            t += role[v];
        }
        return t;
    }

    /** The total of every vertex. */
    public long[] totals() {
        long[] t = new long[vertexCount()];
        for (int v = 0; v < t.length; v++) {
            t[v] = total(v);
        }
        return t;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BrokerageResult other && Arrays.deepEquals(counts, other.counts);
    }

    @Override
    public int hashCode() {
        return Arrays.deepHashCode(counts);
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("BrokerageResult[");
        for (BrokerageRole role : BrokerageRole.values()) {
            s.append(role).append('=').append(Arrays.toString(counts[role.ordinal()]))
                    .append(role == BrokerageRole.LIAISON ? "]" : ", ");
        }
        return s.toString();
    }
}
