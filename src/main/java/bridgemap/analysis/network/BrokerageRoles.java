package bridgemap.analysis.network;

import org.jgrapht.Graph;

/**
 * Gould–Fernandez brokerage roles, counted exactly as R's {@code sna::brokerage} counts them.
 *
 * <p><b>Definition.</b> Vertex v brokers the ordered pair (a, b) when a, v and b are distinct, the
 * arcs a→v and v→b exist and the arc a→b does not. Each brokered pair is counted once, in the role
 * given by the groups g of a, v and b ({@link BrokerageRole}): coordinator g(a)=g(v)=g(b);
 * itinerant (consultant) g(a)=g(b)≠g(v); representative g(a)=g(v)≠g(b); gatekeeper
 * g(a)≠g(v)=g(b); liaison when all three differ. The total is the sum of the five. Reciprocated
 * ties need no special case: with a↔v and v→b, v brokers (a, b) (if there is no a→b) but never
 * (a, a), since a and b must differ; an arc b→a does not stop v brokering (a, b). Self-loops are
 * ignored; an undirected JGraphT graph is read as the symmetric digraph. These are the
 * {@code raw.nli} counts of {@code sna::brokerage} (Butts, C. T. (2008) "Social network analysis
 * with sna", <i>Journal of Statistical Software</i> 24(6)), verified against sna 2.7-1.
 *
 * <p><b>Source.</b> Gould, R. V. and Fernandez, R. M. (1989) "Structures of mediation: a formal
 * approach to brokerage in transaction networks", <i>Sociological Methodology</i> 19:89–126.
 *
 * <p><b>Complexity.</b> O(n + Σ_v indeg(v)·outdeg(v)) time after an O(n + m log m) conversion:
 * for each a, its successors are marked in a bitmap, so the test for a→b is O(1); O(n + m) memory.
 */
public final class BrokerageRoles {

    private BrokerageRoles() {
    }

    /**
     * Brokerage counts of every vertex of {@code g} with the given groups.
     *
     * @param group the group of each vertex, indexed by vertex id
     * @throws IllegalArgumentException if the vertices are not exactly {@code 0..n-1} or
     *     {@code group.length != n}
     */
    public static BrokerageResult compute(Graph<Integer, ?> g, int[] group) {
        Csr csr = Csr.fromGraph(g);
        DenseIds.checkGroups(group, csr.vertexCount());
        return compute(csr, group.clone());
    }

    private static BrokerageResult compute(Csr g, int[] group) {
        int n = g.vertexCount();
        int[] offsets = g.offsetArray();
        int[] targets = g.targetArray();
        long[][] counts = new long[BrokerageRole.values().length][n];
        boolean[] successorOfA = new boolean[n];
        for (int a = 0; a < n; a++) {
            for (int i = offsets[a]; i < offsets[a + 1]; i++) {
                successorOfA[targets[i]] = true;
            }
            int ga = group[a];
            for (int i = offsets[a]; i < offsets[a + 1]; i++) {
                int v = targets[i];
                int gv = group[v];
                for (int j = offsets[v]; j < offsets[v + 1]; j++) {
                    int b = targets[j];
                    if (b != a && !successorOfA[b]) {
                        counts[BrokerageRole.of(ga, gv, group[b]).ordinal()][v]++;
                    }
                }
            }
            for (int i = offsets[a]; i < offsets[a + 1]; i++) {
                successorOfA[targets[i]] = false;
            }
        }
        return new BrokerageResult(counts);
    }
}
