package bridgemap.analysis.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.jgrapht.Graph;
import org.jgrapht.graph.DefaultDirectedGraph;
import org.jgrapht.graph.DefaultEdge;
import org.jgrapht.graph.SimpleGraph;

/** Small graph builders and assertions for this package's tests. */
final class TestGraphs {

    private TestGraphs() {
    }

    /** A digraph on 0..n-1 (self-loops allowed) with arcs given as pairs: {@code arcs(3, 0, 1, 1, 2)}. */
    static Graph<Integer, DefaultEdge> digraph(int n, int... pairs) {
        Graph<Integer, DefaultEdge> g = new DefaultDirectedGraph<>(DefaultEdge.class);
        for (int v = 0; v < n; v++) {
            g.addVertex(v);
        }
        for (int i = 0; i < pairs.length; i += 2) {
            g.addEdge(pairs[i], pairs[i + 1]);
        }
        return g;
    }

    /** An undirected simple graph on 0..n-1 with edges given as pairs. */
    static Graph<Integer, DefaultEdge> undirected(int n, int... pairs) {
        Graph<Integer, DefaultEdge> g = new SimpleGraph<>(DefaultEdge.class);
        for (int v = 0; v < n; v++) {
            g.addVertex(v);
        }
        for (int i = 0; i < pairs.length; i += 2) {
            g.addEdge(pairs[i], pairs[i + 1]);
        }
        return g;
    }

    /** A digraph with the given vertex ids (not necessarily dense) and no arcs. */
    static Graph<Integer, DefaultEdge> withVertices(int... ids) {
        Graph<Integer, DefaultEdge> g = new DefaultDirectedGraph<>(DefaultEdge.class);
        for (int v : ids) {
            g.addVertex(v);
        }
        return g;
    }

    /**
     * A seeded directed G(n, m): m distinct arcs u→v, u ≠ v, drawn uniformly. With
     * {@code reciprocal} false, no pair gets both u→v and v→u.
     */
    static Graph<Integer, DefaultEdge> gnm(int n, int m, long seed, boolean reciprocal) {
        Graph<Integer, DefaultEdge> g = digraph(n);
        SplittableRandom random = new SplittableRandom(seed);
        while (g.edgeSet().size() < m) {
            int u = random.nextInt(n);
            int v = random.nextInt(n);
            if (u != v && !g.containsEdge(u, v) && (reciprocal || !g.containsEdge(v, u))) {
                g.addEdge(u, v);
            }
        }
        return g;
    }

    /** Each arc u→v of a digraph kept with probability p. */
    static Graph<Integer, DefaultEdge> bernoulli(int n, double p, long seed) {
        Graph<Integer, DefaultEdge> g = digraph(n);
        SplittableRandom random = new SplittableRandom(seed);
        for (int u = 0; u < n; u++) {
            for (int v = 0; v < n; v++) {
                if (u != v && random.nextDouble() < p) {
                    g.addEdge(u, v);
                }
            }
        }
        return g;
    }

    /** Elementwise equality within {@code tolerance}; NaN matches only NaN. */
    static void assertClose(double[] expected, double[] actual, double tolerance, String what) {
        assertEquals(expected.length, actual.length, what + ": length");
        for (int v = 0; v < expected.length; v++) {
            if (Double.isNaN(expected[v])) {
                assertTrue(Double.isNaN(actual[v]), what + ": vertex " + v + " expected NaN, was " + actual[v]);
            } else {
                assertEquals(expected[v], actual[v], tolerance, what + ": vertex " + v);
            }
        }
    }
}
