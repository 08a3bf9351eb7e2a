package bridgemap.analysis.network;

import java.util.Arrays;
import java.util.Objects;
import org.jgrapht.Graph;

/**
 * A directed graph on vertices {@code 0..n-1} in compressed sparse row form: the successors of
 * {@code v} are {@code targets[offsets[v] .. offsets[v+1])}, sorted ascending, without self-loops
 * and without repeats. Every factory drops self-loops and collapses repeated arcs, so a
 * {@code Csr} always describes a simple digraph.
 *
 * <p>The algorithms of this package convert their JGraphT input to this form once and then work
 * on primitive arrays; {@link Betweenness} and {@link Articulation} also accept a {@code Csr}
 * directly, so that a benchmark or a large test can skip the JGraphT graph entirely. Instances are
 * immutable: factories copy their input and accessors copy their output.
 */
public final class Csr {

    private final int[] offsets;
    private final int[] targets;

    private Csr(int[] offsets, int[] targets) {
        this.offsets = offsets;
        this.targets = targets;
    }

    /**
     * The arcs of {@code g}: each directed edge u→v gives the arc u→v; in an undirected graph each
     * edge {u, v} gives both u→v and v→u. Self-loops are dropped, repeated arcs collapsed.
     * O(n + m log m).
     *
     * @throws IllegalArgumentException if the vertices are not exactly {@code 0..n-1}, or the
     *     graph is mixed
     */
    public static Csr fromGraph(Graph<Integer, ?> g) {
        int n = DenseIds.vertexCount(g);
        return fromGraphChecked(g, n);
    }

    private static <E> Csr fromGraphChecked(Graph<Integer, E> g, int n) {
        boolean undirected = g.getType().isUndirected();
        int m = g.edgeSet().size();
        int size = undirected ? 2 * m : m;
        int[] from = new int[size];
        int[] to = new int[size];
        int k = 0;
        for (E e : g.edgeSet()) {
            int u = g.getEdgeSource(e);
            int v = g.getEdgeTarget(e);
            from[k] = u;
            to[k++] = v;
            if (undirected) {
                from[k] = v;
                to[k++] = u;
            }
        }
        return build(n, from, to, k);
    }

    /**
     * The digraph with arcs {@code sources[i] → targets[i]}. Self-loops are dropped, repeated
     * arcs collapsed. O(n + m log m).
     *
     * @throws IllegalArgumentException if {@code n < 0}, the arrays differ in length, or an
     *     endpoint lies outside {@code 0..n-1}
     */
    public static Csr fromArcs(int n, int[] sources, int[] targets) {
        Objects.requireNonNull(sources, "sources");
        Objects.requireNonNull(targets, "targets");
        if (n < 0) {
            throw new IllegalArgumentException("n must be >= 0, was " + n);
        }
        if (sources.length != targets.length) {
            throw new IllegalArgumentException("sources has " + sources.length
                    + " entries but targets has " + targets.length);
        }
        for (int i = 0; i < sources.length; i++) {
            checkVertex(sources[i], n, "arc " + i + " source");
            checkVertex(targets[i], n, "arc " + i + " target");
        }
        return build(n, sources, targets, sources.length);
    }

    /**
     * The digraph given directly in CSR form: the successors of {@code v} are
     * {@code targets[offsets[v] .. offsets[v+1])} and n is {@code offsets.length - 1}. Rows need
     * not be sorted; self-loops are dropped and repeats collapsed. O(n + m log m).
     *
     * @throws IllegalArgumentException if {@code offsets} is empty, does not start at 0, decreases,
     *     does not end at {@code targets.length}, or a target lies outside {@code 0..n-1}
     */
    public static Csr of(int[] offsets, int[] targets) {
        Objects.requireNonNull(offsets, "offsets");
        Objects.requireNonNull(targets, "targets");
        if (offsets.length == 0 || offsets[0] != 0) {
            throw new IllegalArgumentException("offsets must have n + 1 entries starting at 0");
        }
        int n = offsets.length - 1;
        for (int v = 0; v < n; v++) {
            if (offsets[v + 1] < offsets[v]) {
                throw new IllegalArgumentException("offsets decrease at vertex " + v);
            }
        }
        if (offsets[n] != targets.length) {
            throw new IllegalArgumentException("offsets end at " + offsets[n] + " but there are "
                    + targets.length + " targets");
        }
        int[] sources = new int[targets.length];
        for (int v = 0; v < n; v++) {
            Arrays.fill(sources, offsets[v], offsets[v + 1], v);
        }
        return fromArcs(n, sources, targets);
    }

    private static void checkVertex(int v, int n, String what) {
        if (v < 0 || v >= n) {
            throw new IllegalArgumentException(what + " is " + v + ", outside 0.." + (n - 1));
        }
    }

    /** Counting sort by source, then sort and deduplicate each row; drops self-loops. */
    private static Csr build(int n, int[] from, int[] to, int count) {
        int[] offsets = new int[n + 1];
        for (int i = 0; i < count; i++) {
            if (from[i] != to[i]) {
                offsets[from[i] + 1]++;
            }
        }
        for (int v = 0; v < n; v++) {
            offsets[v + 1] += offsets[v];
        }
        int[] targets = new int[offsets[n]];
        int[] next = Arrays.copyOf(offsets, n);
        for (int i = 0; i < count; i++) {
            if (from[i] != to[i]) {
                targets[next[from[i]]++] = to[i];
            }
        }
        int write = 0;
        int[] compact = new int[n + 1];
        for (int v = 0; v < n; v++) {
            int start = offsets[v];
            int end = offsets[v + 1];
            Arrays.sort(targets, start, end);
            compact[v] = write;
            for (int i = start; i < end; i++) {
                if (i == start || targets[i] != targets[i - 1]) {
                    targets[write++] = targets[i];
                }
            }
        }
        compact[n] = write;
        return new Csr(compact, write == targets.length ? targets : Arrays.copyOf(targets, write));
    }

    /** The number of vertices n. */
    public int vertexCount() {
        return offsets.length - 1;
    }

    /** The number of arcs (self-loops and repeats already removed). */
    public int arcCount() {
        return targets.length;
    }

    /** The number of successors of {@code v}. */
    public int outDegree(int v) {
        return offsets[v + 1] - offsets[v];
    }

    /** The successors of {@code v}, ascending (a copy). */
    public int[] successors(int v) {
        return Arrays.copyOfRange(targets, offsets[v], offsets[v + 1]);
    }

    /** Whether the arc u→v exists. O(log outdeg(u)). */
    public boolean hasArc(int u, int v) {
        return Arrays.binarySearch(targets, offsets[u], offsets[u + 1], v) >= 0;
    }

    /** The digraph with every arc reversed. O(n + m log m). */
    public Csr reversed() {
        return build(vertexCount(), targets, sourcesOfArcs(), targets.length);
    }

    /**
     * The symmetric closure: u→v and v→u whenever either exists. Seen as an undirected graph, this
     * is the undirected view with u→v and v→u collapsed into one edge. O(n + m log m).
     */
    public Csr symmetric() {
        int m = targets.length;
        int[] from = new int[2 * m];
        int[] to = new int[2 * m];
        int[] sources = sourcesOfArcs();
        System.arraycopy(sources, 0, from, 0, m);
        System.arraycopy(targets, 0, to, 0, m);
        System.arraycopy(targets, 0, from, m, m);
        System.arraycopy(sources, 0, to, m, m);
        return build(vertexCount(), from, to, 2 * m);
    }

    private int[] sourcesOfArcs() {
        int[] sources = new int[targets.length];
        for (int v = 0; v < vertexCount(); v++) {
            Arrays.fill(sources, offsets[v], offsets[v + 1], v);
        }
        return sources;
    }

    /** The row offsets, shared with this package's algorithms: never modify. */
    int[] offsetArray() {
        return offsets;
    }

    /** The concatenated sorted rows, shared with this package's algorithms: never modify. */
    int[] targetArray() {
        return targets;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Csr other && Arrays.equals(offsets, other.offsets)
                && Arrays.equals(targets, other.targets);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(offsets) + Arrays.hashCode(targets);
    }

    @Override
    public String toString() {
        return "Csr[n=" + vertexCount() + ", arcs=" + arcCount() + "]";
    }
}
