package bridgemap.analysis.network;

import java.util.ArrayList;
import java.util.List;
import org.jgrapht.Graph;

/**
 * The minimum set of brokers whose removal leaves no directed path from one group to another.
 *
 * <p><b>Definition.</b> Given a group per vertex and two distinct group values {@code from} (e.g.
 * criminal justice) and {@code to} (e.g. health), the brokers are the vertices in neither group.
 * The broker cut is a smallest set of brokers whose removal leaves no directed path from any
 * {@code from} vertex to any {@code to} vertex. It exists exactly when no arc goes directly from a
 * {@code from} vertex to a {@code to} vertex: on any path, the stretch between the last
 * {@code from} vertex and the first {@code to} vertex after it consists of brokers only, and is
 * empty only for a direct arc. By Menger's theorem its size equals the maximum number of from→to
 * paths that share no broker.
 *
 * <p><b>Algorithm.</b> Vertex cut by maximum flow on the split graph (Ford, L. R. and Fulkerson,
 * D. R. (1956) "Maximal flow through a network", <i>Canadian Journal of Mathematics</i> 8:399–404;
 * Even, S. and Tarjan, R. E. (1975) "Network flow and testing graph connectivity", <i>SIAM Journal
 * on Computing</i> 4(4):507–518): every vertex v becomes {@code v_in → v_out} with capacity 1 for
 * a broker and n+1 ("infinite") otherwise; every arc u→v becomes {@code u_out → v_in} with
 * capacity n+1; a super source feeds every {@code from} vertex's {@code in}, every {@code to}
 * vertex's {@code out} drains into a super sink. The maximum flow (Edmonds–Karp, on arrays) is the
 * cut size, at most the number of brokers, so no infinite arc is ever cut; the cut vertices are the
 * brokers whose {@code in} lies on the source side of the residual graph and whose {@code out} does
 * not. Of all minimum cuts this reports the one closest to the {@code from} group. Self-loops are
 * ignored; an undirected JGraphT graph is read as the symmetric digraph.
 *
 * <p><b>Complexity.</b> O(n + m) to find direct arcs and test reachability; when a cut is needed,
 * Edmonds–Karp augments at most c ≤ n times along breadth-first paths of the split graph, so
 * O(c · (n + m)) time and O(n + m) memory, c being the cut size.
 */
public final class BrokerCut {

    private BrokerCut() {
    }

    /**
     * The minimum broker cut separating group {@code from} from group {@code to} in {@code g}.
     *
     * @param group the group of each vertex, indexed by vertex id
     * @throws IllegalArgumentException if the vertices are not exactly {@code 0..n-1},
     *     {@code group.length != n}, or {@code from == to}
     */
    public static BrokerCutResult compute(Graph<Integer, ?> g, int[] group, int from, int to) {
        return computeOn(Csr.fromGraph(g), group, from, to);
    }

    /**
     * The minimum broker cut separating group {@code from} from group {@code to} in {@code g}, for callers that
     * compute many cuts on one graph and build its {@link Csr} once.
     *
     * @throws IllegalArgumentException if {@code group.length != n} or {@code from == to}
     */
    public static BrokerCutResult computeOn(Csr g, int[] group, int from, int to) {
        DenseIds.checkGroups(group, g.vertexCount());
        return cut(g, group.clone(), from, to);
    }

    private static BrokerCutResult cut(Csr g, int[] group, int from, int to) {
        if (from == to) {
            throw new IllegalArgumentException("from and to must be different groups, both were " + from);
        }
        int n = g.vertexCount();
        int[] offsets = g.offsetArray();
        int[] targets = g.targetArray();
        int fromCount = 0;
        int toCount = 0;
        for (int v = 0; v < n; v++) {
            if (group[v] == from) {
                fromCount++;
            } else if (group[v] == to) {
                toCount++;
            }
        }
        if (fromCount == 0 || toCount == 0) {
            return new BrokerCutResult(BrokerCutResult.Kind.ALREADY_SEPARATED, List.of(), 0, fromCount, toCount);
        }

        int direct = 0;
        for (int u = 0; u < n; u++) {
            if (group[u] == from) {
                for (int i = offsets[u]; i < offsets[u + 1]; i++) {
                    if (group[targets[i]] == to) {
                        direct++;
                    }
                }
            }
        }
        if (direct > 0) {
            return new BrokerCutResult(BrokerCutResult.Kind.DIRECT_EDGES, List.of(), direct, fromCount, toCount);
        }
        if (!reaches(g, group, from, to)) {
            return new BrokerCutResult(BrokerCutResult.Kind.ALREADY_SEPARATED, List.of(), 0, fromCount, toCount);
        }

        FlowNetwork network = new FlowNetwork(2 * n + 2, 3 * n + g.arcCount());
        int source = 2 * n;
        int sink = 2 * n + 1;
        int infinite = n + 1;
        for (int v = 0; v < n; v++) {
            boolean broker = group[v] != from && group[v] != to;
            network.addArc(2 * v, 2 * v + 1, broker ? 1 : infinite);
            if (group[v] == from) {
                network.addArc(source, 2 * v, infinite);
            } else if (group[v] == to) {
                network.addArc(2 * v + 1, sink, infinite);
            }
            for (int i = offsets[v]; i < offsets[v + 1]; i++) {
                network.addArc(2 * v + 1, 2 * targets[i], infinite);
            }
        }

        int value = network.maxFlow(source, sink);
        boolean[] sourceSide = network.residualReach(source);
        List<Integer> cut = new ArrayList<>();
        for (int v = 0; v < n; v++) {
            if (sourceSide[2 * v] && !sourceSide[2 * v + 1]) {
                cut.add(v);
            }
        }
        if (cut.isEmpty() || value != cut.size()) {
            throw new IllegalStateException("max-flow value " + value + " but " + cut.size() + " cut vertices");
        }
        return new BrokerCutResult(BrokerCutResult.Kind.CUT, cut, 0, fromCount, toCount);
    }

    /**
     * A flow network in arrays (arc {@code a} and its residual twin {@code a ^ 1}), with Edmonds–Karp: breadth-first
     * augmenting paths. Replaces a JGraphT graph per call, which the entry-route analysis (one cut per
     * criminal-justice setting) made the slowest part of the bottleneck analysis at England scale.
     */
    private static final class FlowNetwork {
        private final int[] first;
        private int[] head;
        private int[] next;
        private int[] capacity;
        private int arcs;

        FlowNetwork(int vertices, int expectedArcs) {
            first = new int[vertices];
            java.util.Arrays.fill(first, -1);
            head = new int[2 * expectedArcs];
            next = new int[2 * expectedArcs];
            capacity = new int[2 * expectedArcs];
        }

        void addArc(int u, int v, int cap) {
            if (arcs + 2 > head.length) {
                int size = Math.max(16, 2 * head.length);
                head = java.util.Arrays.copyOf(head, size);
                next = java.util.Arrays.copyOf(next, size);
                capacity = java.util.Arrays.copyOf(capacity, size);
            }
            head[arcs] = v;
            capacity[arcs] = cap;
            next[arcs] = first[u];
            first[u] = arcs++;
            head[arcs] = u;
            capacity[arcs] = 0;
            next[arcs] = first[v];
            first[v] = arcs++;
        }

        /** The maximum flow from {@code s} to {@code t}; leaves the residual capacities behind. */
        int maxFlow(int s, int t) {
            int n = first.length;
            int[] via = new int[n];
            int[] queue = new int[n];
            int flow = 0;
            while (true) {
                java.util.Arrays.fill(via, -1);
                via[s] = -2;
                int tail = 0;
                queue[tail++] = s;
                for (int h = 0; h < tail && via[t] == -1; h++) {
                    int u = queue[h];
                    for (int a = first[u]; a >= 0; a = next[a]) {
                        int w = head[a];
                        if (capacity[a] > 0 && via[w] == -1) {
                            via[w] = a;
                            queue[tail++] = w;
                        }
                    }
                }
                if (via[t] == -1) {
                    return flow;
                }
                int bottleneck = Integer.MAX_VALUE;
                for (int v = t; v != s; v = head[via[v] ^ 1]) {
                    bottleneck = Math.min(bottleneck, capacity[via[v]]);
                }
                for (int v = t; v != s; v = head[via[v] ^ 1]) {
                    capacity[via[v]] -= bottleneck;
                    capacity[via[v] ^ 1] += bottleneck;
                }
                flow += bottleneck;
            }
        }

        /** The vertices reachable from {@code s} over arcs with residual capacity: the source side of the cut. */
        boolean[] residualReach(int s) {
            boolean[] seen = new boolean[first.length];
            int[] queue = new int[first.length];
            int tail = 0;
            seen[s] = true;
            queue[tail++] = s;
            for (int h = 0; h < tail; h++) {
                for (int a = first[queue[h]]; a >= 0; a = next[a]) {
                    if (capacity[a] > 0 && !seen[head[a]]) {
                        seen[head[a]] = true;
                        queue[tail++] = head[a];
                    }
                }
            }
            return seen;
        }
    }

    /** Whether some {@code to} vertex is reachable from some {@code from} vertex. O(n + m). */
    private static boolean reaches(Csr g, int[] group, int from, int to) {
        int n = g.vertexCount();
        int[] offsets = g.offsetArray();
        int[] targets = g.targetArray();
        boolean[] seen = new boolean[n];
        int[] queue = new int[n];
        int tail = 0;
        for (int v = 0; v < n; v++) {
            if (group[v] == from) {
                seen[v] = true;
                queue[tail++] = v;
            }
        }
        for (int head = 0; head < tail; head++) {
            int v = queue[head];
            for (int i = offsets[v]; i < offsets[v + 1]; i++) {
                int w = targets[i];
                if (!seen[w]) {
                    if (group[w] == to) {
                        return true;
                    }
                    seen[w] = true;
                    queue[tail++] = w;
                }
            }
        }
        return false;
    }
}
