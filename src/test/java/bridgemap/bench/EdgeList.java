package bridgemap.bench;

import bridgemap.analysis.network.Csr;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.StringJoiner;

/**
 * The graph every implementation in {@code bench/betweenness} is run on: a seeded directed G(n, m)
 * written as an edge list, one {@code u v} arc per line, vertices {@code 0..n-1}; and the small
 * files the benchmark mains write (scores one per line, timings as a flat JSON object).
 *
 * <p>The generator: m distinct arcs u→v, u ≠ v, drawn uniformly with {@link SplittableRandom},
 * written in CSR order; {@code bridgemap.analysis.network.BetweennessBenchmark} uses it too, so the
 * same (n, m, seed) gives the same file as that benchmark's fifth argument.
 */
public final class EdgeList {

    final int n;
    final int[] from;
    final int[] to;

    EdgeList(int n, int[] from, int[] to) {
        this.n = n;
        this.from = from;
        this.to = to;
    }

    /** {@code EdgeList n m seed file}: writes the seeded G(n, m) to {@code file}. */
    public static void main(String[] args) throws IOException {
        if (args.length != 4) {
            System.err.println("usage: EdgeList n m seed edges.txt");
            System.exit(2);
        }
        EdgeList g = gnm(Integer.parseInt(args[0]), Integer.parseInt(args[1]), Long.parseLong(args[2]));
        g.write(Path.of(args[3]));
        System.out.printf("wrote G(%d, %d) seed %s to %s%n", g.n, g.from.length, args[2], args[3]);
    }

    /** Seeded directed G(n, m) without self-loops or repeated arcs, arcs in CSR order. */
    public static EdgeList gnm(int n, int m, long seed) {
        if (n < 1 || m < 0 || (long) n * (n - 1) < m) {
            throw new IllegalArgumentException("no G(" + n + ", " + m + ")");
        }
        SplittableRandom random = new SplittableRandom(seed);
        Set<Long> seen = new HashSet<>(2 * m);
        int[] from = new int[m];
        int[] to = new int[m];
        int k = 0;
        while (k < m) {
            int u = random.nextInt(n);
            int v = random.nextInt(n);
            if (u != v && seen.add((long) u * n + v)) {
                from[k] = u;
                to[k++] = v;
            }
        }
        Csr csr = Csr.fromArcs(n, from, to);
        k = 0;
        for (int u = 0; u < n; u++) {
            for (int v : csr.successors(u)) {
                from[k] = u;
                to[k++] = v;
            }
        }
        return new EdgeList(n, from, to);
    }

    /** The graph as a CSR, as Bridgemap's algorithms take it. */
    public Csr csr() {
        return Csr.fromArcs(n, from, to);
    }

    void write(Path file) throws IOException {
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(file))) {
            for (int i = 0; i < from.length; i++) {
                out.print(from[i]);
                out.print(' ');
                out.println(to[i]);
            }
        }
    }

    /** Reads an edge list of a graph on vertices {@code 0..n-1}. */
    static EdgeList read(Path file, int n) throws IOException {
        int[] from = new int[1 << 16];
        int[] to = new int[1 << 16];
        int k = 0;
        try (BufferedReader in = Files.newBufferedReader(file)) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                line = line.strip();
                if (line.isEmpty()) {
                    continue;
                }
                int space = line.indexOf(' ');
                if (k == from.length) {
                    from = Arrays.copyOf(from, 2 * k);
                    to = Arrays.copyOf(to, 2 * k);
                }
                from[k] = Integer.parseInt(line, 0, space, 10);
                to[k] = Integer.parseInt(line.substring(space + 1).strip());
                if (from[k] < 0 || from[k] >= n || to[k] < 0 || to[k] >= n) {
                    throw new IOException(file + ": arc " + line + " outside 0.." + (n - 1));
                }
                k++;
            }
        }
        return new EdgeList(n, Arrays.copyOf(from, k), Arrays.copyOf(to, k));
    }

    /** CPU time of this whole process (every thread, JIT and GC included) in nanoseconds. */
    static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean)
                java.lang.management.ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** One score per line, in vertex order, with every digit a double needs. */
    static void writeScores(Path file, double[] scores) throws IOException {
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(file))) {
            for (double x : scores) {
                out.println(Double.toString(x));
            }
        }
    }

    /** A flat JSON object of strings and numbers, in the map's order. */
    static void writeJson(Path file, Map<String, Object> fields) throws IOException {
        StringJoiner json = new StringJoiner(",\n  ", "{\n  ", "\n}\n");
        fields.forEach((key, value) -> json.add('"' + key + "\": " + (value instanceof Number
                ? String.format(Locale.ROOT, "%s", value)
                : '"' + String.valueOf(value).replace("\\", "\\\\").replace("\"", "\\\"") + '"')));
        Files.writeString(file, json.toString());
    }
}
