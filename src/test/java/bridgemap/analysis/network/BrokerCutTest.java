package bridgemap.analysis.network;

import static bridgemap.analysis.network.TestGraphs.digraph;
import static bridgemap.analysis.network.TestGraphs.undirected;
import static bridgemap.analysis.network.TestGraphs.withVertices;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bridgemap.analysis.network.BrokerCutResult.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.jgrapht.Graph;
import org.jgrapht.graph.DefaultEdge;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BrokerCutTest {

    /** Group values as the referral graph uses them: criminal justice, health, and two broker sectors. */
    private static final int CJ = 0;
    private static final int HEALTH = 1;
    private static final int SOCIAL = 2;
    private static final int VOLUNTARY = 3;

    @Test
    void nullArgumentsAreRejected() {
        assertThrows(NullPointerException.class, () -> BrokerCut.compute(null, new int[0], CJ, HEALTH));
        assertThrows(NullPointerException.class, () -> BrokerCut.compute(digraph(0), null, CJ, HEALTH));
    }

    @Test
    void badGroupsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> BrokerCut.compute(digraph(2), new int[] {CJ}, CJ, HEALTH));
        assertThrows(IllegalArgumentException.class, () -> BrokerCut.compute(digraph(2), new int[] {CJ, HEALTH}, CJ, CJ));
    }

    @Test
    void nonDenseIdsAreRejected() {
        assertThrows(IllegalArgumentException.class,
                () -> BrokerCut.compute(withVertices(1, 2), new int[] {CJ, HEALTH}, CJ, HEALTH));
    }

    @Test
    void emptyGraphHasNothingToSeparate() {
        assertEquals(new BrokerCutResult(Kind.ALREADY_SEPARATED, List.of(), 0, 0, 0),
                BrokerCut.compute(digraph(0), new int[0], CJ, HEALTH));
    }

    @Test
    void singletonInTheFromGroup() {
        assertEquals(new BrokerCutResult(Kind.ALREADY_SEPARATED, List.of(), 0, 1, 0),
                BrokerCut.compute(digraph(1), new int[] {CJ}, CJ, HEALTH));
    }

    @Test
    void noToVertexAtAll() {
        BrokerCutResult r = BrokerCut.compute(digraph(3, 0, 1, 1, 2), new int[] {CJ, SOCIAL, SOCIAL}, CJ, HEALTH);
        assertEquals(new BrokerCutResult(Kind.ALREADY_SEPARATED, List.of(), 0, 1, 0), r);
    }

    @Test
    void noFromVertexAtAll() {
        BrokerCutResult r = BrokerCut.compute(digraph(3, 0, 1, 1, 2), new int[] {SOCIAL, SOCIAL, HEALTH}, CJ, HEALTH);
        assertEquals(new BrokerCutResult(Kind.ALREADY_SEPARATED, List.of(), 0, 0, 1), r);
    }

    @Test
    void pairWithADirectEdge() {
        assertEquals(new BrokerCutResult(Kind.DIRECT_EDGES, List.of(), 1, 1, 1),
                BrokerCut.compute(digraph(2, 0, 1), new int[] {CJ, HEALTH}, CJ, HEALTH));
    }

    @Test
    void pairPointingTheOtherWayIsAlreadySeparated() {
        assertEquals(new BrokerCutResult(Kind.ALREADY_SEPARATED, List.of(), 0, 1, 1),
                BrokerCut.compute(digraph(2, 1, 0), new int[] {CJ, HEALTH}, CJ, HEALTH));
    }

    @Test
    void directEdgesAreCounted() {
        // 0→2 and 1→2 go straight from criminal justice to health; 0→3→2 is brokered.
        Graph<Integer, DefaultEdge> g = digraph(4, 0, 2, 1, 2, 0, 3, 3, 2, 2, 0);
        assertEquals(new BrokerCutResult(Kind.DIRECT_EDGES, List.of(), 2, 2, 1),
                BrokerCut.compute(g, new int[] {CJ, CJ, HEALTH, SOCIAL}, CJ, HEALTH));
    }

    @Test
    void singleBroker() {
        BrokerCutResult r = BrokerCut.compute(digraph(3, 0, 1, 1, 2), new int[] {CJ, SOCIAL, HEALTH}, CJ, HEALTH);
        assertEquals(new BrokerCutResult(Kind.CUT, List.of(1), 0, 1, 1), r);
        assertEquals(1, r.size());
    }

    @Test
    void twoIndependentBrokersMustBothGo() {
        Graph<Integer, DefaultEdge> g = digraph(4, 0, 1, 1, 3, 0, 2, 2, 3);
        assertEquals(List.of(1, 2), BrokerCut.compute(g, new int[] {CJ, SOCIAL, VOLUNTARY, HEALTH}, CJ, HEALTH).cut());
    }

    @Test
    void chainOfBrokersIsCutClosestToCriminalJustice() {
        // 0 → 1 → 2 → 3: removing 1 or 2 separates; the cut nearest the from group is reported.
        Graph<Integer, DefaultEdge> g = digraph(4, 0, 1, 1, 2, 2, 3);
        assertEquals(List.of(1), BrokerCut.compute(g, new int[] {CJ, SOCIAL, SOCIAL, HEALTH}, CJ, HEALTH).cut());
    }

    @Test
    void bottleneckBehindAFanOut() {
        // 0 → {1, 2} → 3 → {4, 5} → 6: the single vertex 3 is the minimum cut.
        Graph<Integer, DefaultEdge> g = digraph(7, 0, 1, 0, 2, 1, 3, 2, 3, 3, 4, 3, 5, 4, 6, 5, 6);
        int[] group = {CJ, SOCIAL, SOCIAL, VOLUNTARY, SOCIAL, SOCIAL, HEALTH};
        assertEquals(new BrokerCutResult(Kind.CUT, List.of(3), 0, 1, 1), BrokerCut.compute(g, group, CJ, HEALTH));
    }

    @Test
    void criminalJusticeAndHealthVerticesAreNeverCut() {
        // 0 → 1 → 2(CJ) → 3 → 4(H) → 5 → 6(H): only 3 needs to go (2 is CJ, 4 and 6 are health).
        Graph<Integer, DefaultEdge> g = digraph(7, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6);
        int[] group = {CJ, SOCIAL, CJ, SOCIAL, HEALTH, SOCIAL, HEALTH};
        assertEquals(List.of(3), BrokerCut.compute(g, group, CJ, HEALTH).cut());
    }

    @Test
    void oneVertexGroups() {
        Graph<Integer, DefaultEdge> g = digraph(5, 0, 1, 0, 2, 1, 3, 2, 3, 3, 4);
        int[] group = {CJ, SOCIAL, SOCIAL, SOCIAL, HEALTH};
        assertEquals(new BrokerCutResult(Kind.CUT, List.of(3), 0, 1, 1), BrokerCut.compute(g, group, CJ, HEALTH));
    }

    @Test
    void disconnectedComponentsOnlyTheConnectedOneNeedsCutting() {
        // {0 → 1 → 2} needs 1 cut; {3, 4, 5} has criminal justice and health but no path between them.
        Graph<Integer, DefaultEdge> g = digraph(6, 0, 1, 1, 2, 4, 3, 4, 5);
        int[] group = {CJ, SOCIAL, HEALTH, CJ, SOCIAL, HEALTH};
        assertEquals(new BrokerCutResult(Kind.CUT, List.of(1), 0, 2, 2), BrokerCut.compute(g, group, CJ, HEALTH));
    }

    @Test
    void brokersInOtherSectorsAreAllRemovable() {
        assertEquals(List.of(1, 2), BrokerCut.compute(digraph(4, 0, 1, 1, 3, 0, 2, 2, 3),
                new int[] {CJ, 7, -4, HEALTH}, CJ, HEALTH).cut());
    }

    @Test
    void undirectedGraphIsTheSymmetricDigraph() {
        BrokerCutResult r = BrokerCut.compute(undirected(3, 2, 1, 1, 0), new int[] {CJ, SOCIAL, HEALTH}, CJ, HEALTH);
        assertEquals(List.of(1), r.cut());
    }

    @Test
    void callerGroupArrayIsNotModified() {
        int[] group = {CJ, SOCIAL, HEALTH};
        BrokerCut.compute(digraph(3, 0, 1, 1, 2), group, CJ, HEALTH);
        assertEquals(List.of(CJ, SOCIAL, HEALTH), List.of(group[0], group[1], group[2]));
    }

    @ParameterizedTest
    @ValueSource(ints = {5, 6, 7, 8, 9, 10, 11, 12})
    void matchesBruteForceOnSmallRandomGraphs(int n) {
        SplittableRandom random = new SplittableRandom(1000 + n);
        int cuts = 0;
        for (int trial = 0; trial < 60; trial++) {
            int[] group = new int[n];
            for (int v = 0; v < n; v++) {
                // Mostly brokers, so that cuts of several vertices occur.
                double x = random.nextDouble();
                group[v] = x < 0.15 ? CJ : x < 0.3 ? HEALTH : x < 0.65 ? SOCIAL : VOLUNTARY;
            }
            // One trial in five may have direct criminal justice → health arcs.
            boolean directAllowed = trial % 5 == 0;
            Graph<Integer, DefaultEdge> g = digraph(n);
            double p = 0.15 + 0.25 * random.nextDouble();
            for (int u = 0; u < n; u++) {
                for (int v = 0; v < n; v++) {
                    boolean direct = group[u] == CJ && group[v] == HEALTH;
                    if (u != v && random.nextDouble() < p && (directAllowed || !direct)) {
                        g.addEdge(u, v);
                    }
                }
            }
            BrokerCutResult r = BrokerCut.compute(g, group, CJ, HEALTH);
            String where = "n=" + n + " trial=" + trial;
            int direct = 0;
            for (DefaultEdge e : g.edgeSet()) {
                if (group[g.getEdgeSource(e)] == CJ && group[g.getEdgeTarget(e)] == HEALTH) {
                    direct++;
                }
            }
            assertEquals(direct, r.directEdges(), where);
            if (direct > 0) {
                assertEquals(Kind.DIRECT_EDGES, r.kind(), where);
                continue;
            }
            int minimum = bruteForceMinimumCut(g, group, n);
            assertEquals(minimum, r.size(), where);
            assertTrue(separated(g, group, n, mask(r.cut())), where + ": reported cut does not separate");
            for (int v : r.cut()) {
                assertTrue(group[v] != CJ && group[v] != HEALTH, where + ": cut contains a group vertex");
            }
            assertEquals(minimum == 0 ? Kind.ALREADY_SEPARATED : Kind.CUT, r.kind(), where);
            cuts += minimum > 1 ? 1 : 0;
        }
        assertTrue(cuts > 0 || n < 7, "the random graphs should include cuts of two or more vertices");
    }

    /**
     * On graphs too large for brute force, the cut's size equals the maximum flow that JGraphT's own push-relabel
     * implementation finds on the split-node network (Menger: minimum vertex cut = maximum vertex-disjoint flow),
     * and the reported brokers really separate the groups.
     */
    @ParameterizedTest
    @ValueSource(ints = {60, 150, 400})
    void cutSizeEqualsJGraphTsMaximumFlowOnTheSplitGraph(int n) {
        SplittableRandom random = new SplittableRandom(77 + n);
        for (int trial = 0; trial < 5; trial++) {
            int[] group = new int[n];
            for (int v = 0; v < n; v++) {
                double x = random.nextDouble();
                group[v] = x < 0.2 ? CJ : x < 0.4 ? HEALTH : x < 0.7 ? SOCIAL : VOLUNTARY;
            }
            Graph<Integer, DefaultEdge> g = digraph(n);
            int arcs = n * (2 + trial);
            while (g.edgeSet().size() < arcs) {
                int u = random.nextInt(n);
                int v = random.nextInt(n);
                if (u != v && !(group[u] == CJ && group[v] == HEALTH)) {
                    g.addEdge(u, v);
                }
            }
            BrokerCutResult r = BrokerCut.compute(g, group, CJ, HEALTH);
            // The split graph: v_in = v, v_out = n + v, source 2n, sink 2n + 1.
            org.jgrapht.graph.DefaultDirectedWeightedGraph<Integer, org.jgrapht.graph.DefaultWeightedEdge> split =
                    new org.jgrapht.graph.DefaultDirectedWeightedGraph<>(org.jgrapht.graph.DefaultWeightedEdge.class);
            for (int v = 0; v < 2 * n + 2; v++) {
                split.addVertex(v);
            }
            double infinite = n + 1;
            java.util.function.BiConsumer<int[], Double> arc = (ends, capacity) ->
                    split.setEdgeWeight(split.addEdge(ends[0], ends[1]), capacity);
            for (int v = 0; v < n; v++) {
                boolean broker = group[v] != CJ && group[v] != HEALTH;
                arc.accept(new int[] {v, n + v}, broker ? 1.0 : infinite);
                if (group[v] == CJ) {
                    arc.accept(new int[] {2 * n, v}, infinite);
                }
                if (group[v] == HEALTH) {
                    arc.accept(new int[] {n + v, 2 * n + 1}, infinite);
                }
            }
            for (DefaultEdge e : g.edgeSet()) {
                arc.accept(new int[] {n + g.getEdgeSource(e), g.getEdgeTarget(e)}, infinite);
            }
            double flow = new org.jgrapht.alg.flow.PushRelabelMFImpl<>(split).getMaximumFlowValue(2 * n, 2 * n + 1);
            String where = "n=" + n + " trial=" + trial;
            assertEquals((int) flow, r.size(), where);
            assertTrue(r.size() > 1, where + ": the graphs should need cuts of several brokers");
            java.util.Set<Integer> removed = new java.util.HashSet<>(r.cut());
            assertTrue(separatedWithout(g, group, removed), where + ": reported cut does not separate");
        }
    }

    private static boolean separatedWithout(Graph<Integer, DefaultEdge> g, int[] group, java.util.Set<Integer> removed) {
        java.util.ArrayDeque<Integer> queue = new java.util.ArrayDeque<>();
        java.util.Set<Integer> seen = new java.util.HashSet<>();
        for (int v : g.vertexSet()) {
            if (group[v] == CJ) {
                queue.add(v);
                seen.add(v);
            }
        }
        while (!queue.isEmpty()) {
            int v = queue.poll();
            if (group[v] == HEALTH) {
                return false;
            }
            for (DefaultEdge e : g.outgoingEdgesOf(v)) {
                int w = g.getEdgeTarget(e);
                if (!removed.contains(w) && seen.add(w)) {
                    queue.add(w);
                }
            }
        }
        return true;
    }

    /** The smallest number of brokers whose removal separates, by trying every subset of brokers. */
    private static int bruteForceMinimumCut(Graph<Integer, DefaultEdge> g, int[] group, int n) {
        List<Integer> brokers = new ArrayList<>();
        for (int v = 0; v < n; v++) {
            if (group[v] != CJ && group[v] != HEALTH) {
                brokers.add(v);
            }
        }
        int best = Integer.MAX_VALUE;
        for (int subset = 0; subset < 1 << brokers.size(); subset++) {
            int removed = 0;
            for (int i = 0; i < brokers.size(); i++) {
                if ((subset >> i & 1) != 0) {
                    removed |= 1 << brokers.get(i);
                }
            }
            if (Integer.bitCount(subset) < best && separated(g, group, n, removed)) {
                best = Integer.bitCount(subset);
            }
        }
        return best;
    }

    private static int mask(List<Integer> vertices) {
        int m = 0;
        for (int v : vertices) {
            m |= 1 << v;
        }
        return m;
    }

    /** Whether no health vertex is reachable from a criminal-justice vertex once {@code removed} are gone. */
    private static boolean separated(Graph<Integer, DefaultEdge> g, int[] group, int n, int removed) {
        boolean[] seen = new boolean[n];
        List<Integer> stack = new ArrayList<>();
        for (int v = 0; v < n; v++) {
            if (group[v] == CJ) {
                seen[v] = true;
                stack.add(v);
            }
        }
        while (!stack.isEmpty()) {
            int v = stack.remove(stack.size() - 1);
            if (group[v] == HEALTH) {
                return false;
            }
            for (DefaultEdge e : g.outgoingEdgesOf(v)) {
                int w = g.getEdgeTarget(e);
                if (!seen[w] && (removed >> w & 1) == 0) {
                    seen[w] = true;
                    stack.add(w);
                }
            }
        }
        return true;
    }

    @Test
    void resultRejectsInconsistentCases() {
        assertThrows(IllegalArgumentException.class, () -> new BrokerCutResult(Kind.CUT, List.of(), 0, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> new BrokerCutResult(Kind.DIRECT_EDGES, List.of(), 0, 1, 1));
        assertFalse(new BrokerCutResult(Kind.ALREADY_SEPARATED, List.of(), 0, 1, 1).cut().iterator().hasNext());
    }
}
