package bridgemap.analysis.network;

import java.util.Objects;
import org.jgrapht.Graph;
import org.jgrapht.GraphType;

/** Checks the input convention shared by this package: vertices exactly {@code 0..n-1}. */
final class DenseIds {

    private DenseIds() {
    }

    /**
     * Returns n after checking that the vertices of {@code g} are exactly {@code 0..n-1} and that
     * its edges are all directed or all undirected.
     *
     * @throws NullPointerException if {@code g} is null
     * @throws IllegalArgumentException if a vertex is null or outside {@code 0..n-1}, or the graph
     *     mixes directed and undirected edges
     */
    static int vertexCount(Graph<Integer, ?> g) {
        Objects.requireNonNull(g, "graph");
        GraphType type = g.getType();
        if (!type.isDirected() && !type.isUndirected()) {
            throw new IllegalArgumentException("mixed graphs are not supported: edges must be all directed or all undirected");
        }
        int n = g.vertexSet().size();
        for (Integer v : g.vertexSet()) {
            if (v == null || v < 0 || v >= n) {
                throw new IllegalArgumentException(
                        "vertices must be exactly 0.." + (n - 1) + " (dense ids); found " + v);
            }
        }
        return n;
    }

    /** Checks that {@code group} has one entry per vertex. */
    static void checkGroups(int[] group, int n) {
        Objects.requireNonNull(group, "group");
        if (group.length != n) {
            throw new IllegalArgumentException(
                    "group has " + group.length + " entries but the graph has " + n + " vertices");
        }
    }
}
