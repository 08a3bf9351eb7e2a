package bridgemap.analysis.network;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jgrapht.Graph;

/**
 * Shortest-path betweenness of a directed graph, counted in hops, normalised by (n−1)(n−2).
 *
 * <p><b>Definition.</b> For a vertex v, {@code B(v) = Σ σ_st(v) / σ_st} over ordered pairs of
 * distinct vertices s ≠ v ≠ t with t reachable from s, where σ_st is the number of shortest
 * directed s–t paths and σ_st(v) the number of those through v. The result is
 * {@code B(v) / ((n−1)(n−2))}, which lies in [0, 1]; it is 0 for every vertex when n &lt; 3. This
 * is NetworkX's {@code betweenness_centrality(G, normalized=True)} on a {@code DiGraph}, and on a
 * symmetric digraph it equals NetworkX's normalised value for the undirected graph. An undirected
 * JGraphT graph is read as the symmetric digraph; self-loops and repeated arcs are ignored.
 *
 * <p><b>Algorithm.</b> Brandes, U. (2001) "A faster algorithm for betweenness centrality",
 * <i>Journal of Mathematical Sociology</i> 25(2):163–177: one breadth-first search per source s
 * counting shortest paths σ, then dependencies {@code δ_s(v) = Σ_{w : v ∈ P_s(w)} σ_sv/σ_sw ·
 * (1 + δ_s(w))} accumulated level by level from the deepest. The graph is converted once to a
 * {@link Csr} and its reverse. Each BFS level is expanded either top-down (the frontier's out-arcs)
 * or bottom-up (the in-arcs of the unvisited vertices), whichever scans fewer arcs (Beamer, S.,
 * Asanović, K. and Patterson, D. (2012) "Direction-optimizing breadth-first search", SC '12), and
 * likewise each level's dependencies are pulled from its out-arcs or pushed along the next level's
 * in-arcs. On a small-world graph most vertices sit in one or two levels, and this skips most of
 * the arcs those levels would otherwise scan. The inner loops are branch-free where the outcome is unpredictable. Each worker
 * thread owns its primitive arrays (distances, σ, BFS order, dependencies) and its own score array,
 * and takes the sources {@code i ≡ worker (mod parallelism)}; the workers' arrays are summed in
 * worker order, so a result is reproducible for a given parallelism (different parallelisms agree
 * up to floating-point rounding). σ is a double, exact up to 2^53 shortest paths.
 *
 * <p><b>Complexity.</b> O(n·m) time for the exact measure (O(k·m) sampled), O(n + m) memory per
 * worker plus the CSR.
 *
 * <p><b>Sampling.</b> {@link #computeSampled} runs the same accumulation from k sources drawn
 * uniformly without replacement and scales by n/k (Brandes, U. and Pich, C. (2007) "Centrality
 * estimation in large networks", <i>International Journal of Bifurcation and Chaos</i>
 * 17(7):2303–2318, after Eppstein and Wang's closeness estimator). The estimate of each
 * normalised score is unbiased. Each source s contributes {@code n·δ_s(v)/((n−1)(n−2))}, a value
 * in [0, n/(n−1)] because {@code δ_s(v) ≤ n−2}; by Hoeffding's inequality (which holds for
 * sampling without replacement too) and a union bound over the n vertices,
 * <pre>
 *   P( max_v |estimate(v) − exact(v)| ≥ ε ) ≤ 2n · exp( −2kε² (n−1)²/n² )
 * </pre>
 * so {@code k ≥ (n/(n−1))² · ln(2n/δ) / (2ε²)} sources give every vertex within ε of its exact
 * normalised score with probability at least 1 − δ ({@link #sampleSize}, {@link #errorBound}).
 * For ε = 0.02 and δ = 0.05 that is about 17,000 sources at n = 20,000 (growing only with log n),
 * so this guarantee pays only on graphs much larger than that; smaller k still gives an unbiased
 * estimate, with the weaker ε of {@link #errorBound}. Riondato, M. and Kornaropoulos, E. M. (2016)
 * "Fast approximation of betweenness centrality through sampling", <i>Data Mining and Knowledge
 * Discovery</i> 30(2):438–475, bound the sample size by the vertex diameter instead of log n, but
 * for a different estimator (sampling shortest paths, not sources) that is not implemented here.
 * The exact measure is the default everywhere.
 */
public final class Betweenness {

    /** Sources handed to a worker between interrupt checks. */
    private static final int INTERRUPT_CHECK_INTERVAL = 64;

    private Betweenness() {
    }

    /** Exact normalised betweenness using {@code Runtime.availableProcessors()} threads. */
    public static double[] compute(Graph<Integer, ?> g) {
        return compute(g, defaultParallelism());
    }

    /**
     * Exact normalised betweenness with the given number of threads.
     *
     * @return one score per vertex, indexed by vertex id
     * @throws IllegalArgumentException if the vertices are not exactly {@code 0..n-1} or
     *     {@code parallelism < 1}
     */
    public static double[] compute(Graph<Integer, ?> g, int parallelism) {
        return compute(Csr.fromGraph(g), parallelism);
    }

    /** Exact normalised betweenness of a CSR digraph using all available processors. */
    public static double[] compute(Csr g) {
        return compute(g, defaultParallelism());
    }

    /**
     * Exact normalised betweenness of a CSR digraph with the given number of threads.
     *
     * @throws IllegalArgumentException if {@code parallelism < 1}
     */
    public static double[] compute(Csr g, int parallelism) {
        Objects.requireNonNull(g, "graph");
        checkParallelism(parallelism);
        int n = g.vertexCount();
        int[] sources = new int[n];
        for (int s = 0; s < n; s++) {
            sources[s] = s;
        }
        return normalise(accumulate(g, sources, parallelism), n, 1.0);
    }

    /** Sampled normalised betweenness from {@code k} sources, all available processors. */
    public static double[] computeSampled(Graph<Integer, ?> g, int k, long seed) {
        return computeSampled(Csr.fromGraph(g), k, seed, defaultParallelism());
    }

    /**
     * Approximate normalised betweenness from {@code k} sources drawn uniformly without
     * replacement (seeded, so reproducible), scaled by n/k; see the class comment for the error
     * bound. With {@code k == n} this is the exact measure.
     *
     * @throws IllegalArgumentException if {@code k} is outside {@code 1..n} (0 is allowed only
     *     when n is 0), or {@code parallelism < 1}
     */
    public static double[] computeSampled(Csr g, int k, long seed, int parallelism) {
        Objects.requireNonNull(g, "graph");
        checkParallelism(parallelism);
        int n = g.vertexCount();
        if (k > n || k < Math.min(1, n)) {
            throw new IllegalArgumentException("k must be in 1.." + n + ", was " + k);
        }
        int[] all = new int[n];
        for (int s = 0; s < n; s++) {
            all[s] = s;
        }
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < k; i++) {
            int j = i + random.nextInt(n - i);
            int t = all[i];
            all[i] = all[j];
            all[j] = t;
        }
        int[] sources = Arrays.copyOf(all, k);
        Arrays.sort(sources);
        return normalise(accumulate(g, sources, parallelism), n, k == 0 ? 1.0 : (double) n / k);
    }

    /**
     * The number of sampled sources that puts every normalised score within {@code epsilon} of
     * its exact value with probability at least {@code 1 − delta} (Hoeffding and union bound, see
     * the class comment), capped at n, where sampling is exact.
     *
     * @throws IllegalArgumentException unless {@code n >= 0}, {@code epsilon > 0} and
     *     {@code 0 < delta < 1}
     */
    public static int sampleSize(int n, double epsilon, double delta) {
        if (n < 0 || !(epsilon > 0) || !(delta > 0 && delta < 1)) {
            throw new IllegalArgumentException("need n >= 0, epsilon > 0, 0 < delta < 1; got n=" + n
                    + ", epsilon=" + epsilon + ", delta=" + delta);
        }
        if (n < 3) {
            return n;
        }
        double range = (double) n / (n - 1);
        double k = range * range * Math.log(2.0 * n / delta) / (2 * epsilon * epsilon);
        return (int) Math.min(n, Math.ceil(k));
    }

    /**
     * The ε such that, with {@code k} sampled sources, every normalised score is within ε of its
     * exact value with probability at least {@code 1 − delta}; 0 when {@code k == n}.
     *
     * @throws IllegalArgumentException unless {@code 1 <= k <= n} and {@code 0 < delta < 1}
     */
    public static double errorBound(int n, int k, double delta) {
        if (k < 1 || k > n || !(delta > 0 && delta < 1)) {
            throw new IllegalArgumentException("need 1 <= k <= n and 0 < delta < 1; got n=" + n
                    + ", k=" + k + ", delta=" + delta);
        }
        if (k == n || n < 3) {
            return 0.0;
        }
        double range = (double) n / (n - 1);
        return range * Math.sqrt(Math.log(2.0 * n / delta) / (2.0 * k));
    }

    private static int defaultParallelism() {
        return Runtime.getRuntime().availableProcessors();
    }

    private static void checkParallelism(int parallelism) {
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be >= 1, was " + parallelism);
        }
    }

    private static double[] normalise(double[] raw, int n, double scale) {
        if (n < 3) {
            return new double[n];
        }
        double factor = scale / ((double) (n - 1) * (n - 2));
        for (int v = 0; v < n; v++) {
            raw[v] *= factor;
        }
        return raw;
    }

    /** Sum of Brandes dependencies over the given sources, split over worker threads. */
    private static double[] accumulate(Csr g, int[] sources, int parallelism) {
        int n = g.vertexCount();
        Csr reversed = g.reversed();
        int[] degrees = new int[2 * n];
        for (int v = 0; v < n; v++) {
            degrees[2 * v] = g.outDegree(v);
            degrees[2 * v + 1] = reversed.outDegree(v);
        }
        int workers = Math.max(1, Math.min(parallelism, sources.length));
        if (workers == 1) {
            return new Worker(g, reversed, degrees, sources, 0, 1).call();
        }
        ExecutorService pool = Executors.newFixedThreadPool(workers, runnable -> {
            Thread t = new Thread(runnable, "betweenness");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<double[]>> parts = new ArrayList<>(workers);
            for (int w = 0; w < workers; w++) {
                parts.add(pool.submit(new Worker(g, reversed, degrees, sources, w, workers)));
            }
            double[] total = new double[n];
            for (Future<double[]> part : parts) {
                double[] scores = part.get();
                for (int v = 0; v < n; v++) {
                    total[v] += scores[v];
                }
            }
            return total;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("betweenness interrupted");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(cause);
        } finally {
            pool.shutdownNow();
        }
    }

    /** One thread's share of the sources, with its own reusable arrays. */
    private static final class Worker implements Callable<double[]> {
        private final int n;
        private final int[] outOffsets;
        private final int[] outTargets;
        private final int[] inOffsets;
        private final int[] inSources;
        private final long arcs;
        /** Out-degree of v at {@code 2v}, in-degree at {@code 2v + 1}. */
        private final int[] degrees;
        private final int[] sources;
        private final int first;
        private final int stride;
        /** Distance from the current source; −1 when unreached. */
        private final int[] dist;
        /** Vertices in BFS order (level by level), plus one spare slot. */
        private final int[] order;
        /** Where each BFS level starts in {@code order}; level d holds the vertices at distance d. */
        private final int[] levelStart;
        /** The number of arcs leaving, and entering, the vertices of each level. */
        private final long[] levelOut;
        private final long[] levelIn;
        /** Number of shortest paths from the current source; 0 when unreached. */
        private final double[] sigma;
        /** (1 + δ(w)) / σ(w) once w's level is done, 0 before. */
        private final double[] coefficient;
        /** Σ of successors' coefficients, when a level is pushed from the next one. */
        private final double[] pushed;
        /** δ of the vertex at each BFS position for the level being processed (scratch for σ in the forward pass). */
        private final double[] delta;
        private final double[] scores;

        Worker(Csr g, Csr reversed, int[] degrees, int[] sources, int first, int stride) {
            this.degrees = degrees;
            this.n = g.vertexCount();
            this.outOffsets = g.offsetArray();
            this.outTargets = g.targetArray();
            this.inOffsets = reversed.offsetArray();
            this.inSources = reversed.targetArray();
            this.arcs = g.arcCount();
            this.sources = sources;
            this.first = first;
            this.stride = stride;
            this.dist = new int[n];
            Arrays.fill(dist, -1);
            this.order = new int[n + 1]; // one spare slot for the branch-free speculative write
            this.levelStart = new int[n + 2];
            this.levelOut = new long[n + 1];
            this.levelIn = new long[n + 1];
            this.sigma = new double[n];
            this.coefficient = new double[n];
            this.pushed = new double[n];
            this.delta = new double[n];
            this.scores = new double[n];
        }

        @Override
        public double[] call() {
            int done = 0;
            for (int i = first; i < sources.length; i += stride) {
                if (++done % INTERRUPT_CHECK_INTERVAL == 0 && Thread.currentThread().isInterrupted()) {
                    throw new CancellationException("betweenness interrupted");
                }
                single(sources[i]);
            }
            return scores;
        }

        private void single(int s) {
            int depth = forward(s);
            backward(depth);
            for (int j = 0, tail = levelStart[depth]; j < tail; j++) {
                int v = order[j];
                dist[v] = -1;
                sigma[v] = 0.0;
                coefficient[v] = 0.0;
            }
        }

        /**
         * Breadth-first search from s, level by level, counting shortest paths. Each level is
         * expanded top-down (scan the out-arcs of the frontier) or bottom-up (scan the in-arcs of
         * every unvisited vertex, summing σ over those at the frontier), whichever scans fewer
         * arcs (Beamer, Asanović and Patterson (2012) "Direction-optimizing breadth-first search",
         * SC '12). Returns the number of non-empty levels.
         */
        private int forward(int s) {
            final int[] outOffsets = this.outOffsets;
            final int[] outTargets = this.outTargets;
            final int[] inOffsets = this.inOffsets;
            final int[] inSources = this.inSources;
            final int[] dist = this.dist;
            final int[] order = this.order;
            final double[] sigma = this.sigma;
            final double[] scratch = this.delta;

            int tail = 0;
            order[tail++] = s;
            dist[s] = 0;
            sigma[s] = 1.0;
            levelStart[0] = 0;
            levelStart[1] = 1;
            levelOut[0] = outOffsets[s + 1] - outOffsets[s];
            levelIn[0] = inOffsets[s + 1] - inOffsets[s];
            long unvisitedIn = arcs - levelIn[0];
            int depth = 0;
            while (levelStart[depth + 1] > levelStart[depth]) {
                int from = levelStart[depth];
                int to = levelStart[depth + 1];
                int next = depth + 1;
                if (levelOut[depth] <= unvisitedIn + n) {
                    // Branch-free: whether w is new (dist −1) or on this level decides by arithmetic,
                    // since those outcomes are unpredictable; σ of an unreached vertex is 0.
                    for (int j = from; j < to; j++) {
                        int v = order[j];
                        double sv = sigma[v];
                        for (int i = outOffsets[v], end = outOffsets[v + 1]; i < end; i++) {
                            int w = outTargets[i];
                            int dw = dist[w];
                            int fresh = dw >>> 31;
                            int x = dw ^ next;
                            int same = ((x | -x) >>> 31) ^ 1;
                            order[tail] = w;
                            tail += fresh;
                            dist[w] = dw + ((next - dw) & -fresh);
                            sigma[w] += sv * (fresh | same);
                        }
                    }
                } else {
                    for (int w = 0; w < n; w++) {
                        if (dist[w] >= 0) {
                            continue;
                        }
                        for (int i = inOffsets[w], end = inOffsets[w + 1]; i < end; i++) {
                            if (dist[inSources[i]] == depth) {
                                dist[w] = next;
                                order[tail++] = w;
                                break;
                            }
                        }
                    }
                    // σ(w) = Σ σ(u) over all in-arcs u→w: only predecessors at this level are
                    // non-zero (earlier levels cannot point here; the new level's σ is written after).
                    for (int j = to; j < tail; j++) {
                        int w = order[j];
                        double sum = 0.0;
                        for (int i = inOffsets[w], end = inOffsets[w + 1]; i < end; i++) {
                            sum += sigma[inSources[i]];
                        }
                        scratch[j] = sum;
                    }
                    for (int j = to; j < tail; j++) {
                        sigma[order[j]] = scratch[j];
                    }
                }
                long nextOut = 0;
                long nextIn = 0;
                for (int j = to; j < tail; j++) {
                    int w = 2 * order[j];
                    nextOut += degrees[w];
                    nextIn += degrees[w + 1];
                }
                unvisitedIn -= nextIn;
                levelOut[next] = nextOut;
                levelIn[next] = nextIn;
                levelStart[next + 1] = tail;
                depth = next;
            }
            return depth;
        }

        /**
         * Dependencies, deepest level first. A vertex's coefficient (1 + δ(w)) / σ(w) is written
         * only once its whole level is done and is 0 before, so for v at level d,
         * δ(v) = σ(v) · Σ_{w ∈ succ(v)} coefficient(w) picks up exactly the successors at level
         * d + 1 (pull). When the next level has fewer in-arcs than this level has out-arcs, the
         * next level's coefficients are pushed along its in-arcs to predecessors at level d
         * instead. The deepest level has no successors further on: its δ is 0.
         */
        private void backward(int depth) {
            final int[] outOffsets = this.outOffsets;
            final int[] outTargets = this.outTargets;
            final int[] inOffsets = this.inOffsets;
            final int[] inSources = this.inSources;
            final int[] dist = this.dist;
            final int[] order = this.order;
            final double[] sigma = this.sigma;
            final double[] coefficient = this.coefficient;
            final double[] pushed = this.pushed;
            final double[] delta = this.delta;
            final double[] scores = this.scores;

            for (int level = depth - 1; level >= 1; level--) {
                int from = levelStart[level];
                int to = levelStart[level + 1];
                if (level == depth - 1) {
                    Arrays.fill(delta, from, to, 0.0);
                } else if (levelOut[level] <= levelIn[level + 1]) {
                    for (int j = from; j < to; j++) {
                        int v = order[j];
                        double sum = 0.0;
                        for (int i = outOffsets[v], end = outOffsets[v + 1]; i < end; i++) {
                            sum += coefficient[outTargets[i]];
                        }
                        delta[j] = sigma[v] * sum;
                    }
                } else {
                    for (int j = to, end = levelStart[level + 2]; j < end; j++) {
                        int w = order[j];
                        double c = coefficient[w];
                        for (int i = inOffsets[w], stop = inOffsets[w + 1]; i < stop; i++) {
                            int u = inSources[i];
                            int x = dist[u] ^ level;
                            pushed[u] += c * (((x | -x) >>> 31) ^ 1); // only predecessors on this level
                        }
                    }
                    for (int j = from; j < to; j++) {
                        int v = order[j];
                        delta[j] = sigma[v] * pushed[v];
                        pushed[v] = 0.0;
                    }
                }
                for (int j = from; j < to; j++) {
                    int v = order[j];
                    scores[v] += delta[j];
                    coefficient[v] = (1.0 + delta[j]) / sigma[v];
                }
            }
        }
    }
}
