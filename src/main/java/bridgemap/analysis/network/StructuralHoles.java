package bridgemap.analysis.network;

import java.util.Arrays;
import java.util.Objects;
import java.util.function.ToDoubleFunction;
import org.jgrapht.Graph;

/**
 * Burt's effective size and constraint, as NetworkX defines them with a weight.
 *
 * <p><b>Definition.</b> The neighbours N(u) of u are its predecessors and successors (self-loops
 * ignored). The mutual weight of u and v is {@code w_uv = a_uv + a_vu}, a_uv being the weight of
 * the arc u→v (0 if absent). Normalised by u's sum and by u's maximum,
 * {@code p_uv = w_uv / Σ_{x∈N(u)} w_ux} and {@code m_uv = w_uv / max_{x∈N(u)} w_ux}. Then
 * <pre>
 *   effective size  e(u) = Σ_{v∈N(u)} ( 1 − Σ_{w∈N(u)} p_uw · m_vw )
 *   constraint      c(u) = Σ_{v∈N(u)} ( p_uv + Σ_{w∈N(u)} p_uw · p_wv )²
 * </pre>
 * and both are {@code NaN} for a vertex with no neighbour (isolated, or only a self-loop). These
 * are {@code networkx.effective_size(G, weight="weight")} and
 * {@code networkx.constraint(G, weight="weight")} as NetworkX 3.6.1 documents them and as its
 * per-node code computes them ({@code normalized_mutual_weight} with {@code norm=sum} and
 * {@code norm=max}, {@code local_constraint}). On an unweighted undirected graph e(u) reduces to
 * Borgatti's {@code n − 2t/n} (n neighbours, t ties among them), the shortcut NetworkX takes there.
 * An undirected JGraphT graph is read as the symmetric digraph, so an edge of weight x has mutual
 * weight 2x, as in NetworkX; parallel arcs, if any, add up.
 *
 * <p>Two places where NetworkX 3.6.1's own code paths disagree, and what is done here:
 * <ul>
 *   <li>Its default, sparse-matrix {@code effective_size} (taken when scipy is installed and no
 *       {@code nodes} are given) divides {@code w_vw} by w's maximum instead of v's (a broadcasting
 *       slip, networkx pull request #8906), so it differs from the definition on weighted or
 *       directed graphs; this class follows the definition and the per-node path.</li>
 *   <li>Its per-node path tests isolation with {@code G[v]}, which on a DiGraph holds successors
 *       only, so it returns {@code NaN} for a vertex that has predecessors but no successors
 *       (networkx issue #2661); its sparse path, and this class, give such a vertex its value.</li>
 * </ul>
 *
 * <p><b>Source.</b> Burt, R. S. (1992) <i>Structural Holes: The Social Structure of
 * Competition</i>, Harvard University Press; Burt, R. S. (2004) "Structural holes and good ideas",
 * <i>American Journal of Sociology</i> 110(2):349–399; Borgatti, S. P. (1997) "Structural holes:
 * unpacking Burt's redundancy measures", <i>Connections</i> 20(1):35–38.
 *
 * <p><b>Complexity.</b> O(n + Σ_v deg(v)²) time, deg being the number of neighbours, after an
 * O(n + m log m) build of the mutual-weight lists; O(n + m) memory.
 */
public final class StructuralHoles {

    private StructuralHoles() {
    }

    /** Effective size and constraint with every arc of weight 1. */
    public static StructuralHolesResult compute(Graph<Integer, ?> g) {
        return compute(g, e -> 1.0);
    }

    /**
     * Effective size and constraint of every vertex of {@code g}, arcs weighted by {@code weight}.
     *
     * @throws IllegalArgumentException if the vertices are not exactly {@code 0..n-1}, or a weight
     *     (of an arc that is not a self-loop) is not finite and positive
     */
    public static <E> StructuralHolesResult compute(Graph<Integer, E> g, ToDoubleFunction<? super E> weight) {
        int n = DenseIds.vertexCount(g);
        Objects.requireNonNull(weight, "weight");

        // Each arc u→v (both directions of an undirected edge) adds its weight to w_uv and w_vu.
        boolean undirected = g.getType().isUndirected();
        int m = g.edgeSet().size();
        int entries = (undirected ? 4 : 2) * m;
        int[] from = new int[entries];
        int[] to = new int[entries];
        double[] amount = new double[entries];
        int k = 0;
        for (E e : g.edgeSet()) {
            int u = g.getEdgeSource(e);
            int v = g.getEdgeTarget(e);
            if (u == v) {
                continue;
            }
            double x = weight.applyAsDouble(e);
            if (!(x > 0) || Double.isInfinite(x)) {
                throw new IllegalArgumentException("weight of edge " + u + "-" + v
                        + " must be finite and positive, was " + x);
            }
            int copies = undirected ? 2 : 1;
            for (int c = 0; c < copies; c++) {
                from[k] = u;
                to[k] = v;
                amount[k++] = x;
                from[k] = v;
                to[k] = u;
                amount[k++] = x;
            }
        }
        MutualWeights mw = MutualWeights.build(n, from, to, amount, k);
        return new StructuralHolesResult(effectiveSize(mw), constraint(mw));
    }

    private static double[] effectiveSize(MutualWeights mw) {
        int[] offsets = mw.offsets;
        int[] neighbours = mw.neighbours;
        double[] weights = mw.weights;
        return perVertex(mw, (start, end, p) -> {
            double redundancy = 0.0;
            for (int i = start; i < end; i++) {
                int v = neighbours[i];
                double max = mw.max[v];
                double r = 0.0;
                for (int j = offsets[v]; j < offsets[v + 1]; j++) {
                    double puw = p[neighbours[j]];
                    if (puw != 0.0) {
                        r += puw * (weights[j] / max);
                    }
                }
                redundancy += r;
            }
            return (end - start) - redundancy;
        });
    }

    private static double[] constraint(MutualWeights mw) {
        int[] offsets = mw.offsets;
        int[] neighbours = mw.neighbours;
        double[] weights = mw.weights;
        double[] indirect = new double[mw.n()];
        return perVertex(mw, (start, end, p) -> {
            for (int i = start; i < end; i++) {
                int w = neighbours[i];
                double puw = p[w];
                double sumW = mw.sum[w];
                for (int j = offsets[w]; j < offsets[w + 1]; j++) {
                    int v = neighbours[j];
                    if (p[v] != 0.0) {
                        indirect[v] += puw * (weights[j] / sumW);
                    }
                }
            }
            double c = 0.0;
            for (int i = start; i < end; i++) {
                int v = neighbours[i];
                double local = p[v] + indirect[v];
                c += local * local;
                indirect[v] = 0.0;
            }
            return c;
        });
    }

    /** A measure of u from its neighbours {@code neighbours[start..end)} and their p_u·, which is 0 elsewhere. */
    private interface LocalMeasure {
        double of(int start, int end, double[] p);
    }

    /**
     * The measure of every vertex u: {@code NaN} without neighbours, otherwise computed with
     * {@code p[v] = p_uv = w_uv / Σ_x w_ux} set for u's neighbours v (and cleared after).
     */
    private static double[] perVertex(MutualWeights mw, LocalMeasure measure) {
        int n = mw.n();
        double[] p = new double[n];
        double[] result = new double[n];
        for (int u = 0; u < n; u++) {
            int start = mw.offsets[u];
            int end = mw.offsets[u + 1];
            if (start == end) {
                result[u] = Double.NaN;
                continue;
            }
            for (int i = start; i < end; i++) {
                p[mw.neighbours[i]] = mw.weights[i] / mw.sum[u];
            }
            result[u] = measure.of(start, end, p);
            for (int i = start; i < end; i++) {
                p[mw.neighbours[i]] = 0.0;
            }
        }
        return result;
    }

    /** Symmetric neighbour lists with mutual weights, plus each vertex's sum and maximum. */
    private static final class MutualWeights {
        final int[] offsets;
        final int[] neighbours;
        final double[] weights;
        final double[] sum;
        final double[] max;

        private MutualWeights(int[] offsets, int[] neighbours, double[] weights, double[] sum, double[] max) {
            this.offsets = offsets;
            this.neighbours = neighbours;
            this.weights = weights;
            this.sum = sum;
            this.max = max;
        }

        int n() {
            return offsets.length - 1;
        }

        /** Groups the entries by {@code from}, sorts each row by {@code to} and adds up repeats. */
        static MutualWeights build(int n, int[] from, int[] to, double[] amount, int count) {
            int[] start = new int[n + 1];
            for (int i = 0; i < count; i++) {
                start[from[i] + 1]++;
            }
            for (int v = 0; v < n; v++) {
                start[v + 1] += start[v];
            }
            int[] next = Arrays.copyOf(start, n);
            int[] col = new int[count];
            double[] val = new double[count];
            for (int i = 0; i < count; i++) {
                int slot = next[from[i]]++;
                col[slot] = to[i];
                val[slot] = amount[i];
            }
            int[] offsets = new int[n + 1];
            int[] neighbours = new int[count];
            double[] weights = new double[count];
            double[] sum = new double[n];
            double[] max = new double[n];
            int write = 0;
            long[] keys = new long[0];
            for (int u = 0; u < n; u++) {
                offsets[u] = write;
                int len = start[u + 1] - start[u];
                if (keys.length < len) {
                    keys = new long[Math.max(len, 2 * keys.length)];
                }
                for (int i = 0; i < len; i++) {
                    keys[i] = ((long) col[start[u] + i] << 32) | i;
                }
                Arrays.sort(keys, 0, len);
                for (int i = 0; i < len; i++) {
                    int v = (int) (keys[i] >>> 32);
                    double x = val[start[u] + (int) keys[i]];
                    if (write > offsets[u] && neighbours[write - 1] == v) {
                        weights[write - 1] += x;
                    } else {
                        neighbours[write] = v;
                        weights[write++] = x;
                    }
                }
                for (int i = offsets[u]; i < write; i++) {
                    sum[u] += weights[i];
                    max[u] = Math.max(max[u], weights[i]);
                }
            }
            offsets[n] = write;
            return new MutualWeights(offsets, Arrays.copyOf(neighbours, write), Arrays.copyOf(weights, write), sum, max);
        }
    }
}
