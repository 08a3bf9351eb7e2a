package bridgemap.analysis.network;

import java.util.List;
import java.util.Objects;

/**
 * The minimum broker cut between a {@code from} group and a {@code to} group.
 *
 * @param kind which case applies
 * @param cut the vertices to remove, ascending; empty unless {@code kind} is {@link Kind#CUT}
 * @param directEdges the number of direct from→to arcs (positive exactly when {@code kind} is
 *     {@link Kind#DIRECT_EDGES})
 * @param fromCount the number of vertices in the {@code from} group
 * @param toCount the number of vertices in the {@code to} group
 */
public record BrokerCutResult(Kind kind, List<Integer> cut, int directEdges, int fromCount, int toCount) {

    /** The three outcomes of a broker cut. */
    public enum Kind {
        /**
         * At least one arc goes straight from a {@code from} vertex to a {@code to} vertex, so no
         * set of brokers separates the groups; {@code directEdges} says how many such arcs there
         * are and the cut is empty.
         */
        DIRECT_EDGES,
        /**
         * No directed path leads from any {@code from} vertex to any {@code to} vertex (this
         * includes a graph with no {@code from} or no {@code to} vertex at all: see
         * {@code fromCount} and {@code toCount}); the cut is empty.
         */
        ALREADY_SEPARATED,
        /** The cut is a minimum non-empty set of brokers whose removal separates the groups. */
        CUT
    }

    public BrokerCutResult {
        Objects.requireNonNull(kind, "kind");
        cut = List.copyOf(Objects.requireNonNull(cut, "cut"));
        if ((kind == Kind.CUT) == cut.isEmpty()) {
            throw new IllegalArgumentException(kind + " with a cut of " + cut.size());
        }
        if ((kind == Kind.DIRECT_EDGES) != (directEdges > 0)) {
            throw new IllegalArgumentException(kind + " with " + directEdges + " direct edges");
        }
    }

    /** The size of the cut: the maximum number of broker-disjoint from→to paths. */
    public int size() {
        return cut.size();
    }
}
