package bridgemap.analysis.network;

import static bridgemap.analysis.network.TestGraphs.assertClose;
import static bridgemap.analysis.network.TestGraphs.digraph;
import static bridgemap.analysis.network.TestGraphs.withVertices;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jgrapht.Graph;
import org.jgrapht.graph.DefaultEdge;
import org.jgrapht.graph.DefaultWeightedEdge;
import org.jgrapht.graph.SimpleDirectedWeightedGraph;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.junit.jupiter.params.provider.ValueSource;

class StructuralHolesTest {

    private static final double TOLERANCE = 1e-9;

    @Test
    void nullArgumentsAreRejected() {
        assertThrows(NullPointerException.class, () -> StructuralHoles.compute(null));
        assertThrows(NullPointerException.class, () -> StructuralHoles.compute(digraph(1), null));
    }

    @Test
    void emptyGraph() {
        StructuralHolesResult r = StructuralHoles.compute(digraph(0));
        assertEquals(0, r.vertexCount());
    }

    @Test
    void singletonIsNaN() {
        // NetworkX: effective size and constraint are not defined for an isolated vertex (nan).
        StructuralHolesResult r = StructuralHoles.compute(digraph(1));
        assertTrue(Double.isNaN(r.effectiveSize(0)));
        assertTrue(Double.isNaN(r.constraint(0)));
    }

    @Test
    void selfLoopOnlyIsNaN() {
        StructuralHolesResult r = StructuralHoles.compute(digraph(1, 0, 0));
        assertTrue(Double.isNaN(r.effectiveSize(0)));
        assertTrue(Double.isNaN(r.constraint(0)));
    }

    @Test
    void pair() {
        // One neighbour each: effective size 1 − 0 = 1, constraint (p = 1)² = 1.
        StructuralHolesResult r = StructuralHoles.compute(digraph(2, 0, 1));
        assertArrayEquals(new double[] {1, 1}, r.effectiveSize());
        assertArrayEquals(new double[] {1, 1}, r.constraint());
    }

    @Test
    void sinkHasAValue() {
        // 0→1, 0→2 and an isolated 3. Vertex 1 has one neighbour (a predecessor): 1 and 1.
        // Vertex 0: p = 1/2 each, 1 and 2 not tied: effective size 2, constraint 2·(1/2)² = 1/2.
        StructuralHolesResult r = StructuralHoles.compute(digraph(4, 0, 1, 0, 2));
        assertClose(new double[] {2, 1, 1, Double.NaN}, r.effectiveSize(), TOLERANCE, "effective size");
        assertClose(new double[] {0.5, 1, 1, Double.NaN}, r.constraint(), TOLERANCE, "constraint");
    }

    @Test
    void weightedByHand() {
        // Arcs 0→1 (2), 1→2 (1), 2→0 (3), 0→3 (1), isolated 4. Mutual weights: w01 = 2, w12 = 1,
        // w02 = 3, w03 = 1. Vertex 0: N = {1, 2, 3}, sum 6: p01 = 1/3, p02 = 1/2, p03 = 1/6.
        // m_vw = w_vw / max_v: max_1 = 2 (m12 = 1/2), max_2 = 3 (m21 = 1/3), max_3 = 1.
        // e(0) = (1 − p02·m12) + (1 − p01·m21) + (1 − 0) = 3/4 + 8/9 + 1 = 95/36 = 2.63888…
        // (NetworkX 3.6.1's default sparse path returns 8/3 here: it divides m_vw by w's maximum,
        // m12 = 1/3 and m21 = 1/2; its per-node path returns 95/36.)
        Graph<Integer, DefaultWeightedEdge> g = weighted(5, new int[][] {{0, 1, 2}, {1, 2, 1}, {2, 0, 3}, {0, 3, 1}});
        StructuralHolesResult r = StructuralHoles.compute(g, g::getEdgeWeight);
        assertEquals(95.0 / 36, r.effectiveSize(0), TOLERANCE);
        assertNotEquals(8.0 / 3, r.effectiveSize(0), TOLERANCE);
        // The remaining values as NetworkX 3.6.1 prints them (effective_size(G, nodes=list(G), weight="weight")
        // for 1 and 2; the sink 3, which that path reports as nan, has a single neighbour: 1).
        assertClose(new double[] {95.0 / 36, 1.0, 1.0833333333333335, 1.0, Double.NaN}, r.effectiveSize(), TOLERANCE, "effective size");
        // constraint(G, weight="weight"), identical on both NetworkX paths except the sink 3 (nan per node).
        assertClose(new double[] {0.611304012345679, 1.284722222222222, 1.0902777777777777, 1.0, Double.NaN},
                r.constraint(), TOLERANCE, "constraint");
    }

    @Test
    void reciprocatedArcsAddUp() {
        // 0⇄1 with weights 1 and 3, 0→2 weight 4: w01 = 4 = w02, so 0 splits its ties evenly.
        Graph<Integer, DefaultWeightedEdge> g = weighted(3, new int[][] {{0, 1, 1}, {1, 0, 3}, {0, 2, 4}});
        StructuralHolesResult r = StructuralHoles.compute(g, g::getEdgeWeight);
        assertEquals(0.5, r.constraint(0), TOLERANCE);
        assertEquals(2.0, r.effectiveSize(0), TOLERANCE);
    }

    @Test
    void nonDenseIdsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> StructuralHoles.compute(withVertices(2, 3)));
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.0, -1.0, Double.NaN, Double.POSITIVE_INFINITY})
    void nonPositiveOrNonFiniteWeightsAreRejected(double bad) {
        Graph<Integer, DefaultWeightedEdge> g = weighted(2, new int[][] {{0, 1, 1}});
        g.setEdgeWeight(g.getEdge(0, 1), bad);
        assertThrows(IllegalArgumentException.class, () -> StructuralHoles.compute(g, g::getEdgeWeight));
    }

    @Test
    void selfLoopWeightIsNotLookedAt() {
        Graph<Integer, DefaultEdge> g = digraph(2, 0, 1, 1, 1);
        StructuralHolesResult r = StructuralHoles.compute(g, e -> g.getEdgeSource(e).equals(g.getEdgeTarget(e)) ? -1 : 1);
        assertArrayEquals(new double[] {1, 1}, r.constraint());
    }

    @ParameterizedTest
    @FieldSource("bridgemap.analysis.network.ReferenceFixtures#NETWORKX")
    void matchesNetworkxWeighted(String name) {
        ReferenceFixtures.Networkx f = ReferenceFixtures.networkx(name);
        Graph<Integer, DefaultWeightedEdge> g = f.digraph();
        StructuralHolesResult r = StructuralHoles.compute(g, g::getEdgeWeight);
        assertClose(f.effectiveSize(), r.effectiveSize(), TOLERANCE, name + " effective size");
        assertClose(f.constraint(), r.constraint(), TOLERANCE, name + " constraint");
    }

    @ParameterizedTest
    @FieldSource("bridgemap.analysis.network.ReferenceFixtures#NETWORKX_UNDIRECTED")
    void matchesNetworkxOnUndirectedGraphs(String name) {
        ReferenceFixtures.Networkx f = ReferenceFixtures.networkx(name);
        Graph<Integer, DefaultWeightedEdge> g = f.undirectedGraph();
        StructuralHolesResult weighted = StructuralHoles.compute(g, g::getEdgeWeight);
        assertClose(f.effectiveSize(), weighted.effectiveSize(), TOLERANCE, name + " effective size");
        assertClose(f.constraint(), weighted.constraint(), TOLERANCE, name + " constraint");
        // Unweighted: NetworkX takes Borgatti's shortcut n − 2t/n for the effective size.
        StructuralHolesResult unweighted = StructuralHoles.compute(g);
        assertClose(f.effectiveSizeUnweighted(), unweighted.effectiveSize(), TOLERANCE, name + " unweighted effective size");
        assertClose(f.constraintUnweighted(), unweighted.constraint(), TOLERANCE, name + " unweighted constraint");
    }

    @Test
    void networkxDefaultPathDiffersOnWeightedGraphs() {
        // Documents the NetworkX 3.6.1 discrepancy this class does not reproduce (see its javadoc).
        ReferenceFixtures.Networkx f = ReferenceFixtures.networkx("karate");
        Graph<Integer, DefaultWeightedEdge> karate = f.digraph();
        double[] ours = StructuralHoles.compute(karate, karate::getEdgeWeight).effectiveSize();
        int differ = 0;
        for (int v = 0; v < f.n(); v++) {
            if (Math.abs(ours[v] - f.effectiveSizeNetworkxDefault()[v]) > 1e-6) {
                differ++;
            }
        }
        assertEquals(18, differ);
        // Unweighted undirected graphs are unaffected: every mutual weight is equal.
        ReferenceFixtures.Networkx florentine = ReferenceFixtures.networkx("florentine");
        assertClose(florentine.effectiveSizeNetworkxDefault(), StructuralHoles.compute(florentine.digraph()).effectiveSize(),
                TOLERANCE, "florentine");
    }

    @Test
    void mediciEffectiveSize() {
        // The Medici's 6 neighbours (Acciaiuoli, Albizzi, Barbadori, Ridolfi, Salviati, Tornabuoni)
        // have one tie among them, Ridolfi–Tornabuoni: Borgatti's n − 2t/n = 6 − 2/6 = 5.667.
        ReferenceFixtures.Networkx f = ReferenceFixtures.networkx("florentine");
        assertEquals(6 - 2.0 / 6, StructuralHoles.compute(f.undirectedGraph()).effectiveSize(8), TOLERANCE);
    }

    private static Graph<Integer, DefaultWeightedEdge> weighted(int n, int[][] arcs) {
        Graph<Integer, DefaultWeightedEdge> g = new SimpleDirectedWeightedGraph<>(DefaultWeightedEdge.class);
        for (int v = 0; v < n; v++) {
            g.addVertex(v);
        }
        for (int[] a : arcs) {
            g.setEdgeWeight(g.addEdge(a[0], a[1]), a[2]);
        }
        return g;
    }
}
