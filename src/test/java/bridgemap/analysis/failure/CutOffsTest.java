package bridgemap.analysis.failure;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import bridgemap.analysis.network.Articulation;
import bridgemap.analysis.network.Csr;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class CutOffsTest {

    /** The undirected view of the arcs {@code a[0] → a[1]}, {@code a[2] → a[3]} … on n vertices. */
    private static Csr graph(int n, int... arcs) {
        int[] from = new int[arcs.length / 2];
        int[] to = new int[arcs.length / 2];
        for (int i = 0; i < from.length; i++) {
            from[i] = arcs[2 * i];
            to[i] = arcs[2 * i + 1];
        }
        return Csr.fromArcs(n, from, to).symmetric();
    }

    @Test
    void refusesNullAndVerticesOutsideTheGraph() {
        assertThrows(NullPointerException.class, () -> CutOffs.of(null, 0));
        assertThrows(IllegalArgumentException.class, () -> CutOffs.of(graph(0), 0));
        assertThrows(IllegalArgumentException.class, () -> CutOffs.of(graph(2, 0, 1), 2));
    }

    @Test
    void aLonelyVertexOrOneOfAPairCutsOffNothing() {
        assertArrayEquals(new int[0], CutOffs.of(graph(1), 0));
        assertArrayEquals(new int[0], CutOffs.of(graph(2, 0, 1), 0));
    }

    @Test
    void theMiddleOfAPathCutsOffTheShorterSide() {
        // 0 - 1 - 2 - 3: losing 1 leaves {0} and {2, 3}; the larger stays the network.
        assertArrayEquals(new int[] {0}, CutOffs.of(graph(4, 0, 1, 1, 2, 2, 3), 1));
        assertArrayEquals(new int[] {3}, CutOffs.of(graph(4, 0, 1, 1, 2, 2, 3), 2));
    }

    @Test
    void onATieThePieceOfTheSmallestNeighbourStays() {
        // 0 - 1 - 2, directions ignored.
        assertArrayEquals(new int[] {2}, CutOffs.of(graph(3, 1, 0, 2, 1), 1));
    }

    @Test
    void theCentreOfAStarCutsOffAllButOneLeaf() {
        assertArrayEquals(new int[] {2, 3, 4}, CutOffs.of(graph(5, 0, 1, 0, 2, 0, 3, 0, 4), 0));
    }

    @Test
    void aVertexOnACycleCutsOffNothingAndPiecesItNeverTouchedDoNotCount() {
        // A triangle 0-1-2 and, apart, the pair 3-4.
        Csr g = graph(5, 0, 1, 1, 2, 2, 0, 3, 4);
        assertArrayEquals(new int[0], CutOffs.of(g, 0));
        assertArrayEquals(new int[0], CutOffs.of(g, 3));
    }

    @Test
    void somethingIsCutOffExactlyAtTheArticulationPoints() {
        Random random = new Random(14);
        for (int trial = 0; trial < 50; trial++) {
            int n = 2 + random.nextInt(30);
            int m = random.nextInt(2 * n);
            int[] from = new int[m];
            int[] to = new int[m];
            for (int i = 0; i < m; i++) {
                from[i] = random.nextInt(n);
                to[i] = random.nextInt(n);
            }
            Csr directed = Csr.fromArcs(n, from, to);
            Set<Integer> points = new TreeSet<>(Articulation.compute(directed).articulationPoints());
            Set<Integer> cutting = new TreeSet<>();
            for (int v = 0; v < n; v++) {
                if (CutOffs.of(directed.symmetric(), v).length > 0) {
                    cutting.add(v);
                }
            }
            assertEquals(points, cutting, "trial " + trial);
        }
    }
}
