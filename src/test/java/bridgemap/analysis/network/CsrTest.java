package bridgemap.analysis.network;

import static bridgemap.analysis.network.TestGraphs.digraph;
import static bridgemap.analysis.network.TestGraphs.undirected;
import static bridgemap.analysis.network.TestGraphs.withVertices;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jgrapht.graph.DefaultEdge;
import org.jgrapht.graph.DirectedPseudograph;
import org.junit.jupiter.api.Test;

class CsrTest {

    @Test
    void nullGraphIsRejected() {
        assertThrows(NullPointerException.class, () -> Csr.fromGraph(null));
        assertThrows(NullPointerException.class, () -> Csr.fromArcs(1, null, new int[0]));
    }

    @Test
    void emptyGraph() {
        Csr csr = Csr.fromGraph(digraph(0));
        assertEquals(0, csr.vertexCount());
        assertEquals(0, csr.arcCount());
    }

    @Test
    void singleton() {
        Csr csr = Csr.fromGraph(digraph(1));
        assertEquals(1, csr.vertexCount());
        assertEquals(0, csr.outDegree(0));
    }

    @Test
    void pair() {
        Csr csr = Csr.fromGraph(digraph(2, 0, 1));
        assertArrayEquals(new int[] {1}, csr.successors(0));
        assertArrayEquals(new int[] {}, csr.successors(1));
        assertTrue(csr.hasArc(0, 1));
        assertFalse(csr.hasArc(1, 0));
    }

    @Test
    void rowsAreSortedWithoutLoopsOrRepeats() {
        DirectedPseudograph<Integer, DefaultEdge> g = new DirectedPseudograph<>(DefaultEdge.class);
        for (int v = 0; v < 4; v++) {
            g.addVertex(v);
        }
        g.addEdge(0, 3);
        g.addEdge(0, 1);
        g.addEdge(0, 3);
        g.addEdge(0, 0);
        g.addEdge(2, 2);
        Csr csr = Csr.fromGraph(g);
        assertArrayEquals(new int[] {1, 3}, csr.successors(0));
        assertArrayEquals(new int[] {}, csr.successors(2));
        assertEquals(2, csr.arcCount());
    }

    @Test
    void undirectedEdgesGiveBothArcs() {
        Csr csr = Csr.fromGraph(undirected(3, 0, 1, 1, 2));
        assertEquals(Csr.fromArcs(3, new int[] {0, 1, 1, 2}, new int[] {1, 0, 2, 1}), csr);
    }

    @Test
    void symmetricAndReversed() {
        Csr csr = Csr.fromArcs(3, new int[] {0, 1, 1}, new int[] {1, 0, 2});
        assertEquals(Csr.fromArcs(3, new int[] {0, 1, 1, 2}, new int[] {1, 0, 2, 1}), csr.symmetric());
        assertEquals(Csr.fromArcs(3, new int[] {1, 0, 2}, new int[] {0, 1, 1}), csr.reversed());
    }

    @Test
    void rawCsrIsNormalised() {
        Csr csr = Csr.of(new int[] {0, 3, 3, 4}, new int[] {2, 1, 2, 2});
        assertArrayEquals(new int[] {1, 2}, csr.successors(0));
        assertArrayEquals(new int[] {}, csr.successors(2));
        assertEquals(2, csr.arcCount());
    }

    @Test
    void nonDenseIdsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> Csr.fromGraph(withVertices(0, 2)));
        assertThrows(IllegalArgumentException.class, () -> Csr.fromGraph(withVertices(1, 2, 3)));
        assertThrows(IllegalArgumentException.class, () -> Csr.fromGraph(withVertices(-1, 0)));
    }

    @Test
    void badArraysAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> Csr.fromArcs(2, new int[] {0}, new int[] {2}));
        assertThrows(IllegalArgumentException.class, () -> Csr.fromArcs(2, new int[] {0}, new int[] {}));
        assertThrows(IllegalArgumentException.class, () -> Csr.fromArcs(-1, new int[] {}, new int[] {}));
        assertThrows(IllegalArgumentException.class, () -> Csr.of(new int[] {}, new int[] {}));
        assertThrows(IllegalArgumentException.class, () -> Csr.of(new int[] {0, 2, 1}, new int[] {1}));
        assertThrows(IllegalArgumentException.class, () -> Csr.of(new int[] {0, 1}, new int[] {1, 0}));
    }
}
