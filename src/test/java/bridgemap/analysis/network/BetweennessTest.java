package bridgemap.analysis.network;

import static bridgemap.analysis.network.TestGraphs.assertClose;
import static bridgemap.analysis.network.TestGraphs.digraph;
import static bridgemap.analysis.network.TestGraphs.gnm;
import static bridgemap.analysis.network.TestGraphs.undirected;
import static bridgemap.analysis.network.TestGraphs.withVertices;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.jgrapht.Graph;
import org.jgrapht.alg.scoring.BetweennessCentrality;
import org.jgrapht.graph.DefaultEdge;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.FieldSource;

class BetweennessTest {

    private static final double TOLERANCE = 1e-9;

    @Test
    void nullGraphIsRejected() {
        assertThrows(NullPointerException.class, () -> Betweenness.compute((Graph<Integer, ?>) null));
        assertThrows(NullPointerException.class, () -> Betweenness.compute((Csr) null, 1));
    }

    @Test
    void emptyGraph() {
        assertArrayEquals(new double[0], Betweenness.compute(digraph(0)));
    }

    @Test
    void singleton() {
        assertArrayEquals(new double[] {0.0}, Betweenness.compute(digraph(1)));
    }

    @Test
    void pairScoresZero() {
        assertArrayEquals(new double[] {0.0, 0.0}, Betweenness.compute(digraph(2, 0, 1)));
    }

    @Test
    void directedPathOfThree() {
        // Only the pair (0, 2) has an intermediate vertex: B(1) = 1, normalised by (3-1)(3-2) = 2.
        assertArrayEquals(new double[] {0.0, 0.5, 0.0}, Betweenness.compute(digraph(3, 0, 1, 1, 2)));
    }

    @Test
    void undirectedGraphIsTheSymmetricDigraph() {
        // Pairs (0, 2) and (2, 0) both pass 1: B(1) = 2 / 2 = 1, NetworkX's undirected normalised value.
        assertArrayEquals(new double[] {0.0, 1.0, 0.0}, Betweenness.compute(undirected(3, 0, 1, 1, 2)));
    }

    @Test
    void bidirectedStarCentreScoresOne() {
        // Centre 0 with 4 leaves both ways: all 4·3 leaf pairs go through 0, (n-1)(n-2) = 12.
        Graph<Integer, DefaultEdge> g = digraph(5, 0, 1, 1, 0, 0, 2, 2, 0, 0, 3, 3, 0, 0, 4, 4, 0);
        assertArrayEquals(new double[] {1.0, 0, 0, 0, 0}, Betweenness.compute(g));
    }

    @Test
    void directedCycleOfFour() {
        // From each source the vertices at distance 2 and 3 add 1 + 2 = 3 intermediate visits; 12 in all,
        // 3 per vertex by symmetry, normalised by 3·2.
        double[] b = Betweenness.compute(digraph(4, 0, 1, 1, 2, 2, 3, 3, 0));
        assertClose(new double[] {0.5, 0.5, 0.5, 0.5}, b, TOLERANCE, "cycle");
    }

    @Test
    void twoShortestPathsShareTheCredit() {
        // 0→1→3 and 0→2→3: each of 1 and 2 carries half of the pair (0, 3); normalised by 3·2.
        double[] b = Betweenness.compute(digraph(4, 0, 1, 0, 2, 1, 3, 2, 3));
        assertClose(new double[] {0, 0.5 / 6, 0.5 / 6, 0}, b, TOLERANCE, "diamond");
    }

    @Test
    void disconnectedComponents() {
        double[] b = Betweenness.compute(digraph(6, 0, 1, 1, 2, 3, 4, 4, 5));
        assertClose(new double[] {0, 1.0 / 20, 0, 0, 1.0 / 20, 0}, b, TOLERANCE, "two paths");
    }

    @Test
    void selfLoopsAreIgnored() {
        assertArrayEquals(Betweenness.compute(digraph(3, 0, 1, 1, 2)),
                Betweenness.compute(digraph(3, 0, 1, 1, 2, 1, 1, 0, 0)));
    }

    @Test
    void nonDenseIdsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> Betweenness.compute(withVertices(0, 2)));
        assertThrows(IllegalArgumentException.class, () -> Betweenness.compute(withVertices(1, 2, 3)));
    }

    @Test
    void badParallelismIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> Betweenness.compute(digraph(2), 0));
    }

    @ParameterizedTest
    @FieldSource("bridgemap.analysis.network.ReferenceFixtures#NETWORKX")
    void matchesNetworkx(String name) {
        ReferenceFixtures.Networkx f = ReferenceFixtures.networkx(name);
        assertClose(f.betweenness(), Betweenness.compute(f.digraph()), TOLERANCE, name);
        assertClose(f.betweenness(), Betweenness.compute(f.digraph(), 1), TOLERANCE, name + " single-threaded");
    }

    @ParameterizedTest
    @FieldSource("bridgemap.analysis.network.ReferenceFixtures#NETWORKX_UNDIRECTED")
    void matchesNetworkxOnUndirectedGraphs(String name) {
        ReferenceFixtures.Networkx f = ReferenceFixtures.networkx(name);
        assertClose(f.betweenness(), Betweenness.compute(f.undirectedGraph()), TOLERANCE, name);
    }

    @Test
    void medicisArePadgettsBrokers() {
        // Padgett's Florentine marriage network: the Medici's normalised betweenness is 0.522.
        ReferenceFixtures.Networkx f = ReferenceFixtures.networkx("florentine");
        double[] b = Betweenness.compute(f.undirectedGraph());
        int medici = 8;
        assertEquals(0.522, b[medici], 5e-4);
        assertEquals(medici, argMax(b));
    }

    @ParameterizedTest
    @CsvSource({"30, 60, 1", "80, 240, 2", "150, 300, 3", "200, 1200, 4", "60, 1500, 5"})
    void matchesJgraphtOnRandomDigraphs(int n, int m, long seed) {
        Graph<Integer, DefaultEdge> g = gnm(n, m, seed, true);
        // On a directed graph JGraphT normalises by (n-1)(n-2) too.
        Map<Integer, Double> reference = new BetweennessCentrality<>(g, true).getScores();
        double[] expected = new double[n];
        reference.forEach((v, x) -> expected[v] = x);
        assertClose(expected, Betweenness.compute(g, 2), TOLERANCE, "G(" + n + ", " + m + ")");
    }

    @Test
    void matchesJgraphtWhereLevelsAreExpandedBottomUp() {
        // Shapes that make the search switch direction: a dense digraph; a bidirected star (the
        // second level holds every leaf); a strongly connected core with a long tail, and vertices
        // with many in-arcs that no source reaches except themselves.
        List<Graph<Integer, DefaultEdge>> graphs = new ArrayList<>();
        graphs.add(gnm(100, 3_000, 21, true));
        Graph<Integer, DefaultEdge> star = digraph(400);
        for (int leaf = 1; leaf < 400; leaf++) {
            star.addEdge(0, leaf);
            star.addEdge(leaf, 0);
        }
        graphs.add(star);
        Graph<Integer, DefaultEdge> mixed = gnm(300, 1_500, 22, true);
        for (int v = 300; v < 360; v++) {
            mixed.addVertex(v);
            mixed.addEdge(v - 1, v);
        }
        for (int v = 360; v < 380; v++) {
            mixed.addVertex(v);
            for (int u = 0; u < 300; u += 3) {
                mixed.addEdge(v, u);
            }
        }
        graphs.add(mixed);
        for (Graph<Integer, DefaultEdge> g : graphs) {
            double[] expected = new double[g.vertexSet().size()];
            new BetweennessCentrality<>(g, true).getScores().forEach((v, x) -> expected[v] = x);
            assertClose(expected, Betweenness.compute(g, 1), TOLERANCE, g.vertexSet().size() + " vertices");
        }
    }

    @Test
    void parallelEqualsSingleThreadedOnFiveThousandVertices() {
        Csr g = Csr.fromGraph(gnm(5_000, 25_000, 42, true));
        double[] single = Betweenness.compute(g, 1);
        assertClose(single, Betweenness.compute(g, 2), TOLERANCE, "2 threads");
        assertClose(single, Betweenness.compute(g, 3), TOLERANCE, "3 threads");
        assertArrayEquals(Betweenness.compute(g, 2), Betweenness.compute(g, 2), "same parallelism, same bits");
    }

    @Test
    void csrEntryPointAgreesWithGraphEntryPoint() {
        Graph<Integer, DefaultEdge> g = gnm(100, 400, 9, true);
        assertArrayEquals(Betweenness.compute(g, 2), Betweenness.compute(Csr.fromGraph(g), 2));
    }

    @Test
    void sampledWithEverySourceIsExact() {
        Csr g = Csr.fromGraph(gnm(120, 500, 11, true));
        assertClose(Betweenness.compute(g, 1), Betweenness.computeSampled(g, 120, 7, 2), 1e-12, "k = n");
    }

    @Test
    void sampledIsReproducibleForASeed() {
        Csr g = Csr.fromGraph(gnm(200, 800, 12, true));
        double[] a = Betweenness.computeSampled(g, 50, 99, 2);
        assertArrayEquals(a, Betweenness.computeSampled(g, 50, 99, 2));
        assertFalse(Arrays.equals(a, Betweenness.computeSampled(g, 50, 100, 2)));
    }

    @Test
    void sampledStaysWithinItsErrorBound() {
        int n = 400;
        Csr g = Csr.fromGraph(gnm(n, 1600, 13, true));
        double[] exact = Betweenness.compute(g, 2);
        int k = 100;
        double epsilon = Betweenness.errorBound(n, k, 1e-3);
        for (long seed = 0; seed < 5; seed++) {
            double[] estimate = Betweenness.computeSampled(g, k, seed, 2);
            for (int v = 0; v < n; v++) {
                assertTrue(Math.abs(estimate[v] - exact[v]) < epsilon, "vertex " + v + " seed " + seed);
            }
        }
    }

    @Test
    void sampledRejectsBadSampleSizes() {
        Csr g = Csr.fromGraph(digraph(3, 0, 1, 1, 2));
        assertThrows(IllegalArgumentException.class, () -> Betweenness.computeSampled(g, 0, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> Betweenness.computeSampled(g, 4, 1, 1));
        assertArrayEquals(new double[0], Betweenness.computeSampled(Csr.fromGraph(digraph(0)), 0, 1, 1));
    }

    @Test
    void sampleSizeAndErrorBoundAreInverse() {
        // (n/(n-1))² ln(2n/δ) / (2ε²) for n = 20,000, ε = 0.02, δ = 0.05 is about 16,990.
        int k = Betweenness.sampleSize(20_000, 0.02, 0.05);
        assertEquals(16_990, k, 5);
        assertTrue(Betweenness.errorBound(20_000, k, 0.05) <= 0.02);
        assertTrue(Betweenness.errorBound(20_000, k - 1, 0.05) > 0.02);
        assertEquals(500, Betweenness.sampleSize(500, 0.01, 0.05), "capped at n");
        assertEquals(0.0, Betweenness.errorBound(500, 500, 0.05));
        assertThrows(IllegalArgumentException.class, () -> Betweenness.sampleSize(10, 0, 0.05));
        assertThrows(IllegalArgumentException.class, () -> Betweenness.errorBound(10, 11, 0.05));
    }

    private static int argMax(double[] values) {
        int best = 0;
        for (int i = 1; i < values.length; i++) {
            if (values[i] > values[best]) {
                best = i;
            }
        }
        return best;
    }
}
