package bridgemap.analysis.network;

import static bridgemap.analysis.network.TestGraphs.digraph;
import static bridgemap.analysis.network.TestGraphs.gnm;
import static bridgemap.analysis.network.TestGraphs.undirected;
import static bridgemap.analysis.network.TestGraphs.withVertices;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.jgrapht.Graph;
import org.jgrapht.alg.connectivity.BiconnectivityInspector;
import org.jgrapht.graph.AsUndirectedGraph;
import org.jgrapht.graph.DefaultEdge;
import org.jgrapht.graph.SimpleGraph;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.FieldSource;

class ArticulationTest {

    @Test
    void nullGraphIsRejected() {
        assertThrows(NullPointerException.class, () -> Articulation.compute((Graph<Integer, ?>) null));
    }

    @Test
    void emptyGraph() {
        assertEquals(new ArticulationResult(List.of(), List.of()), Articulation.compute(digraph(0)));
    }

    @Test
    void singleton() {
        assertEquals(new ArticulationResult(List.of(), List.of()), Articulation.compute(digraph(1)));
    }

    @Test
    void pairIsOneBridge() {
        assertEquals(new ArticulationResult(List.of(), List.of(new Bridge(0, 1))),
                Articulation.compute(digraph(2, 1, 0)));
    }

    @Test
    void reciprocatedArcsCollapseIntoOneBridge() {
        // 0→1 and 1→0 are one undirected edge in the undirected view, so it is still a bridge.
        assertEquals(new ArticulationResult(List.of(), List.of(new Bridge(0, 1))),
                Articulation.compute(digraph(2, 0, 1, 1, 0)));
    }

    @Test
    void pathOfThree() {
        assertEquals(new ArticulationResult(List.of(1), List.of(new Bridge(0, 1), new Bridge(1, 2))),
                Articulation.compute(digraph(3, 0, 1, 2, 1)));
    }

    @Test
    void triangleHasNone() {
        assertEquals(new ArticulationResult(List.of(), List.of()), Articulation.compute(digraph(3, 0, 1, 1, 2, 2, 0)));
    }

    @Test
    void triangleWithPendant() {
        assertEquals(new ArticulationResult(List.of(2), List.of(new Bridge(2, 3))),
                Articulation.compute(digraph(4, 0, 1, 1, 2, 2, 0, 3, 2)));
    }

    @Test
    void twoTrianglesSharingAVertex() {
        // A "bow tie": 2 is the only articulation point and no edge is a bridge.
        assertEquals(new ArticulationResult(List.of(2), List.of()),
                Articulation.compute(undirected(5, 0, 1, 1, 2, 2, 0, 2, 3, 3, 4, 4, 2)));
    }

    @Test
    void disconnectedComponentsAndIsolatedVertices() {
        // Components {0,1,2} (path), {3} (isolated), {4,5,6,7} (star at 5), {8,9,10} (cycle).
        Graph<Integer, DefaultEdge> g = digraph(11, 0, 1, 1, 2, 5, 4, 5, 6, 7, 5, 8, 9, 9, 10, 10, 8);
        assertEquals(new ArticulationResult(List.of(1, 5),
                        List.of(new Bridge(0, 1), new Bridge(1, 2), new Bridge(4, 5), new Bridge(5, 6), new Bridge(5, 7))),
                Articulation.compute(g));
    }

    @Test
    void selfLoopsAreIgnored() {
        assertEquals(Articulation.compute(digraph(3, 0, 1, 1, 2)), Articulation.compute(digraph(3, 0, 1, 1, 2, 1, 1, 2, 2)));
    }

    @Test
    void nonDenseIdsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> Articulation.compute(withVertices(0, 5)));
        assertThrows(IllegalArgumentException.class, () -> Articulation.compute(withVertices(1)));
    }

    @ParameterizedTest
    @FieldSource("bridgemap.analysis.network.ReferenceFixtures#NETWORKX")
    void matchesNetworkx(String name) {
        ReferenceFixtures.Networkx f = ReferenceFixtures.networkx(name);
        ArticulationResult r = Articulation.compute(f.digraph());
        assertEquals(f.articulationPoints(), r.articulationPoints(), name);
        assertEquals(f.bridges(), r.bridges(), name);
    }

    @ParameterizedTest
    @CsvSource({"30, 30, 1", "60, 70, 2", "100, 110, 3", "200, 260, 4", "200, 400, 5", "500, 520, 6"})
    void matchesJgraphtOnRandomSparseDigraphs(int n, int m, long seed) {
        // Without reciprocated pairs, AsUndirectedGraph is already the simple undirected view.
        Graph<Integer, DefaultEdge> g = gnm(n, m, seed, false);
        assertEquals(jgrapht(new AsUndirectedGraph<>(g)), Articulation.compute(g), "G(" + n + ", " + m + ")");
    }

    @ParameterizedTest
    @CsvSource({"40, 50, 7", "120, 150, 8", "300, 380, 9"})
    void matchesJgraphtWithReciprocatedArcs(int n, int m, long seed) {
        // With u→v and v→u, compare against JGraphT on the collapsed simple graph.
        Graph<Integer, DefaultEdge> g = gnm(n, m, seed, true);
        Graph<Integer, DefaultEdge> simple = new SimpleGraph<>(DefaultEdge.class);
        g.vertexSet().forEach(simple::addVertex);
        g.edgeSet().forEach(e -> simple.addEdge(g.getEdgeSource(e), g.getEdgeTarget(e)));
        assertEquals(jgrapht(simple), Articulation.compute(g), "G(" + n + ", " + m + ")");
    }

    @Test
    void pathOfTwoHundredThousandVerticesDoesNotOverflowTheStack() {
        int n = 200_000;
        int[] from = IntStream.range(0, n - 1).toArray();
        int[] to = IntStream.range(1, n).toArray();
        ArticulationResult r = Articulation.compute(Csr.fromArcs(n, from, to));
        assertEquals(IntStream.range(1, n - 1).boxed().toList(), r.articulationPoints());
        assertEquals(n - 1, r.bridges().size());
        assertEquals(new Bridge(n - 2, n - 1), r.bridges().get(n - 2));
    }

    @Test
    void longPathThroughTheGraphApi() {
        int n = 200_000;
        Graph<Integer, DefaultEdge> g = digraph(n);
        for (int v = 0; v + 1 < n; v++) {
            g.addEdge(v + 1, v);
        }
        ArticulationResult r = Articulation.compute(g);
        assertEquals(n - 2, r.articulationPoints().size());
        assertEquals(n - 1, r.bridges().size());
    }

    @Test
    void starOfTwoHundredThousandVertices() {
        int n = 200_000;
        int[] from = new int[n - 1];
        int[] to = IntStream.range(1, n).toArray();
        ArticulationResult r = Articulation.compute(Csr.fromArcs(n, from, to));
        assertEquals(List.of(0), r.articulationPoints());
        assertEquals(n - 1, r.bridges().size());
        assertEquals(new Bridge(0, n - 1), r.bridges().get(n - 2));
    }

    @Test
    void longCycleHasNoCutVertices() {
        int n = 200_000;
        int[] from = IntStream.range(0, n).toArray();
        int[] to = IntStream.range(0, n).map(v -> (v + 1) % n).toArray();
        assertEquals(new ArticulationResult(List.of(), List.of()), Articulation.compute(Csr.fromArcs(n, from, to)));
    }

    private static ArticulationResult jgrapht(Graph<Integer, DefaultEdge> undirected) {
        BiconnectivityInspector<Integer, DefaultEdge> inspector = new BiconnectivityInspector<>(undirected);
        List<Integer> points = new ArrayList<>(inspector.getCutpoints());
        points.sort(null);
        List<Bridge> bridges = new ArrayList<>();
        for (DefaultEdge e : inspector.getBridges()) {
            int u = undirected.getEdgeSource(e);
            int v = undirected.getEdgeTarget(e);
            bridges.add(new Bridge(Math.min(u, v), Math.max(u, v)));
        }
        bridges.sort(null);
        return new ArticulationResult(points, bridges);
    }
}
