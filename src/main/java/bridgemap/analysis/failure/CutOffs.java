package bridgemap.analysis.failure;

import bridgemap.analysis.network.Csr;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * What losing one vertex cuts off: the vertices left out of the largest of the pieces its neighbours fall into.
 *
 * <p><b>Definition.</b> On the undirected view of a graph (u→v and v→u as one edge {u, v}), remove v. Its
 * neighbours fall into connected pieces; the largest (by vertices; on a tie, the one holding v's smallest
 * neighbour) is the rest of the network, and every vertex of the other pieces is <b>cut off</b>. The set is
 * empty exactly when v is not an articulation point of its component (Hopcroft and Tarjan's definition, as
 * {@code analysis.network.Articulation} finds them); pieces that never touched v are not counted.
 *
 * <p><b>Algorithm.</b> One breadth-first search of the graph without v, from each neighbour not yet reached, on
 * explicit queues (no recursion). O(n + m) time and O(n) memory per vertex asked about.
 */
final class CutOffs {

    private CutOffs() {}

    /**
     * The vertices cut off from the rest by the loss of {@code v}, ascending.
     *
     * @param undirected a symmetric CSR graph (its {@link Csr#symmetric()})
     * @throws IllegalArgumentException if {@code v} is not a vertex of the graph
     */
    static int[] of(Csr undirected, int v) {
        Objects.requireNonNull(undirected, "undirected");
        int n = undirected.vertexCount();
        if (v < 0 || v >= n) {
            throw new IllegalArgumentException("no vertex " + v + " in a graph of " + n);
        }
        boolean[] reached = new boolean[n];
        reached[v] = true;
        List<int[]> pieces = new ArrayList<>();
        int[] queue = new int[n];
        for (int start : undirected.successors(v)) {
            if (reached[start]) {
                continue;
            }
            int head = 0;
            int tail = 0;
            queue[tail++] = start;
            reached[start] = true;
            while (head < tail) {
                int u = queue[head++];
                for (int w : undirected.successors(u)) {
                    if (!reached[w]) {
                        reached[w] = true;
                        queue[tail++] = w;
                    }
                }
            }
            pieces.add(Arrays.copyOf(queue, tail));
        }
        int largest = -1;
        for (int i = 0; i < pieces.size(); i++) {
            if (largest < 0 || pieces.get(i).length > pieces.get(largest).length) {
                largest = i;
            }
        }
        int total = 0;
        for (int i = 0; i < pieces.size(); i++) {
            total += i == largest ? 0 : pieces.get(i).length;
        }
        int[] cut = new int[total];
        int at = 0;
        for (int i = 0; i < pieces.size(); i++) {
            if (i != largest) {
                System.arraycopy(pieces.get(i), 0, cut, at, pieces.get(i).length);
                at += pieces.get(i).length;
            }
        }
        Arrays.sort(cut);
        return cut;
    }
}
