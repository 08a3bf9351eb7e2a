package bridgemap.analysis.network;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import org.jgrapht.Graph;

/**
 * Articulation points and bridges of the undirected view of a graph.
 *
 * <p><b>Definition.</b> The undirected view ignores direction and collapses u→v and v→u into one
 * undirected edge {u, v}; self-loops are ignored. An articulation point is a vertex whose removal
 * increases the number of connected components; a bridge is an edge whose removal does. This is
 * what NetworkX's {@code articulation_points} and {@code bridges} return on
 * {@code G.to_undirected()}.
 *
 * <p><b>Algorithm.</b> Hopcroft, J. and Tarjan, R. (1973) "Algorithm 447: efficient algorithms for
 * graph manipulation", <i>Communications of the ACM</i> 16(6):372–378: one depth-first search
 * computing discovery times and lowpoints, {@code low(v)} being the earliest discovery time
 * reachable from v's subtree by one back edge. A non-root u is an articulation point when some
 * child v has {@code low(v) ≥ disc(u)}; the root when it has two or more children; the tree edge
 * {u, v} is a bridge when {@code low(v) > disc(u)}. The search keeps an explicit stack with a
 * per-vertex edge cursor instead of recursing, so paths of hundreds of thousands of vertices do not
 * overflow the thread stack (JGraphT's {@code BiconnectivityInspector} recurses).
 *
 * <p><b>Complexity.</b> O(n + m log m) for building the undirected view, then O(n + m) time and
 * memory.
 */
public final class Articulation {

    private Articulation() {
    }

    /**
     * Articulation points and bridges of the undirected view of {@code g}.
     *
     * @throws IllegalArgumentException if the vertices are not exactly {@code 0..n-1}
     */
    public static ArticulationResult compute(Graph<Integer, ?> g) {
        return compute(Csr.fromGraph(g));
    }

    /** Articulation points and bridges of the undirected view of a CSR digraph. */
    public static ArticulationResult compute(Csr g) {
        Csr undirected = Objects.requireNonNull(g, "graph").symmetric();
        int n = undirected.vertexCount();
        int[] offsets = undirected.offsetArray();
        int[] targets = undirected.targetArray();

        int[] disc = new int[n];
        Arrays.fill(disc, -1);
        int[] low = new int[n];
        int[] parent = new int[n];
        int[] cursor = new int[n];
        int[] stack = new int[n];
        boolean[] cut = new boolean[n];
        List<Bridge> bridges = new ArrayList<>();
        int time = 0;

        for (int root = 0; root < n; root++) {
            if (disc[root] >= 0) {
                continue;
            }
            int top = 0;
            stack[top++] = root;
            disc[root] = low[root] = time++;
            parent[root] = -1;
            cursor[root] = offsets[root];
            int rootChildren = 0;
            while (top > 0) {
                int v = stack[top - 1];
                if (cursor[v] < offsets[v + 1]) {
                    int w = targets[cursor[v]++];
                    if (disc[w] < 0) {
                        parent[w] = v;
                        disc[w] = low[w] = time++;
                        cursor[w] = offsets[w];
                        stack[top++] = w;
                        if (v == root) {
                            rootChildren++;
                        }
                    } else if (w != parent[v]) {
                        low[v] = Math.min(low[v], disc[w]);
                    }
                } else {
                    top--;
                    int u = parent[v];
                    if (u >= 0) {
                        low[u] = Math.min(low[u], low[v]);
                        if (low[v] > disc[u]) {
                            bridges.add(new Bridge(Math.min(u, v), Math.max(u, v)));
                        }
                        if (u != root && low[v] >= disc[u]) {
                            cut[u] = true;
                        }
                    }
                }
            }
            if (rootChildren >= 2) {
                cut[root] = true;
            }
        }

        List<Integer> points = new ArrayList<>();
        for (int v = 0; v < n; v++) {
            if (cut[v]) {
                points.add(v);
            }
        }
        Collections.sort(bridges);
        return new ArticulationResult(points, bridges);
    }
}
