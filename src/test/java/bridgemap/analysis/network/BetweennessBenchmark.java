package bridgemap.analysis.network;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Times {@link Betweenness} on a seeded directed G(n, m): m distinct arcs u→v, u ≠ v, drawn
 * uniformly (the model of igraph's {@code sample_gnm(n, m, directed = TRUE)}).
 *
 * <p>Not a test. Run after {@code ./mvnw -q test-compile} with
 * <pre>
 *   java -cp target/test-classes:target/classes:$(cat target/classpath.txt) \
 *       bridgemap.analysis.network.BetweennessBenchmark [n m seed [parallelism [edges.txt]]]
 * </pre>
 * where {@code target/classpath.txt} comes from
 * {@code ./mvnw -q dependency:build-classpath -Dmdep.outputFile=target/classpath.txt}. Defaults:
 * 20000 200000 42, all processors. Prints the graph size, the seconds taken by the exact
 * computation (after a warm-up on a small graph, not counting graph generation) and the five
 * highest normalised scores. With a fifth argument it also writes the arcs, one {@code u v} line
 * each (0-based), and the scores to {@code edges.txt.scores} (one per line, vertex order), so that
 * another library can be run on exactly the same graph and compared.
 */
public final class BetweennessBenchmark {

    private BetweennessBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        int m = args.length > 1 ? Integer.parseInt(args[1]) : 200_000;
        long seed = args.length > 2 ? Long.parseLong(args[2]) : 42L;
        int parallelism = args.length > 3 ? Integer.parseInt(args[3]) : Runtime.getRuntime().availableProcessors();

        Csr warmUp = gnm(2_000, 20_000, seed + 1);
        for (int i = 0; i < 3; i++) {
            Betweenness.compute(warmUp, parallelism);
        }

        Csr g = gnm(n, m, seed);
        long start = System.nanoTime();
        double[] scores = Betweenness.compute(g, parallelism);
        double seconds = (System.nanoTime() - start) / 1e9;

        if (args.length > 4) {
            Path edges = Path.of(args[4]);
            try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(edges))) {
                for (int u = 0; u < g.vertexCount(); u++) {
                    for (int v : g.successors(u)) {
                        out.println(u + " " + v);
                    }
                }
            }
            try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(Path.of(args[4] + ".scores")))) {
                for (double x : scores) {
                    out.println(x);
                }
            }
        }

        System.out.printf("nodes %d%n", g.vertexCount());
        System.out.printf("edges %d%n", g.arcCount());
        System.out.printf("seed %d, parallelism %d%n", seed, parallelism);
        System.out.printf("seconds %.3f%n", seconds);
        System.out.println("top-5 (vertex, betweenness normalised by (n-1)(n-2)):");
        IntStream.range(0, scores.length).boxed()
                .sorted(Comparator.comparingDouble((Integer v) -> -scores[v]).thenComparing(v -> v))
                .limit(5)
                .forEach(v -> System.out.printf("  %d %.10f%n", v, scores[v]));
    }

    /** Seeded directed G(n, m) without self-loops or repeated arcs: the graph of {@code bench/betweenness}. */
    static Csr gnm(int n, int m, long seed) {
        return bridgemap.bench.EdgeList.gnm(n, m, seed).csr();
    }
}
