package bridgemap.bench;

import bridgemap.analysis.network.Betweenness;
import bridgemap.analysis.network.Csr;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Times Bridgemap's exact betweenness ({@link Betweenness#compute(Csr, int)}) on an edge list, for
 * {@code bench/betweenness/run.sh}. Not a test: a main a reviewer runs through that script.
 *
 * <pre>
 *   BridgemapBetweennessBenchmark edges.txt n scores.out times.json [parallelism]
 * </pre>
 *
 * <p>First warms the JIT with three runs on a seeded G(2000, 20000), then times, on the given graph,
 * reading the file into arc arrays, building the CSR ({@link Csr#fromArcs}), and the scoring
 * (which includes the reverse CSR the algorithm builds for itself). Writes the normalised scores
 * (one per line, vertex order) and the timings as JSON.
 */
public final class BridgemapBetweennessBenchmark {

    private BridgemapBetweennessBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 4 || args.length > 5) {
            System.err.println("usage: BridgemapBetweennessBenchmark edges.txt n scores.out times.json [parallelism]");
            System.exit(2);
        }
        Path edges = Path.of(args[0]);
        int n = Integer.parseInt(args[1]);
        int parallelism = args.length > 4 ? Integer.parseInt(args[4]) : Runtime.getRuntime().availableProcessors();

        long warmStart = System.nanoTime();
        EdgeList small = EdgeList.gnm(2_000, 20_000, 1L);
        for (int i = 0; i < 3; i++) {
            Betweenness.compute(Csr.fromArcs(small.n, small.from, small.to), parallelism);
        }
        double warmUp = seconds(warmStart);

        long t0 = System.nanoTime();
        EdgeList arcs = EdgeList.read(edges, n);
        long t1 = System.nanoTime();
        Csr g = Csr.fromArcs(n, arcs.from, arcs.to);
        long t2 = System.nanoTime();
        long cpu = EdgeList.processCpuNanos();
        double[] scores = Betweenness.compute(g, parallelism);
        long t3 = System.nanoTime();
        cpu = EdgeList.processCpuNanos() - cpu;

        EdgeList.writeScores(Path.of(args[2]), scores);
        Map<String, Object> times = new LinkedHashMap<>();
        times.put("implementation", "bridgemap");
        times.put("version", "Betweenness (this tree), Java " + Runtime.version().feature());
        times.put("nodes", g.vertexCount());
        times.put("arcs", g.arcCount());
        times.put("parallelism", parallelism);
        times.put("warm_up_seconds", warmUp);
        times.put("read_seconds", (t1 - t0) / 1e9);
        times.put("build_seconds", (t2 - t1) / 1e9);
        times.put("compute_seconds", (t3 - t2) / 1e9);
        times.put("compute_cpu_seconds", cpu / 1e9);
        EdgeList.writeJson(Path.of(args[3]), times);
        System.out.printf("bridgemap: %d nodes, %d arcs, parallelism %d: CSR %.3f s, scoring %.3f s%n",
                g.vertexCount(), g.arcCount(), parallelism, (t2 - t1) / 1e9, (t3 - t2) / 1e9);
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
