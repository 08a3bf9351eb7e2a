package bridgemap.analysis.network;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.jgrapht.Graph;
import org.jgrapht.graph.DefaultWeightedEdge;
import org.jgrapht.graph.SimpleDirectedWeightedGraph;
import org.jgrapht.graph.SimpleWeightedGraph;

/**
 * The reference fixtures in {@code src/test/resources/reference/}, written by
 * {@code bench/reference/make_fixtures.py} (NetworkX) and
 * {@code bench/reference/make_brokerage_fixtures.R} (R sna).
 */
final class ReferenceFixtures {

    /** The NetworkX fixtures. */
    static final List<String> NETWORKX = List.of(
            "karate", "florentine", "gnm-60-240-s1", "gnm-60-240-s7", "gnm-300-1500-s3", "gnm-40-45-s11");

    /** The undirected NetworkX fixtures. */
    static final List<String> NETWORKX_UNDIRECTED = List.of("karate", "florentine");

    /** The R sna brokerage fixtures. */
    static final List<String> SNA = List.of(
            "reciprocal", "loops", "random-25", "random-40", "random-60-dense", "one-group");

    private static final ObjectMapper JSON = new ObjectMapper();

    private ReferenceFixtures() {
    }

    /** One NetworkX fixture; NaN is stored as null. */
    record Networkx(String name, int n, boolean directed, int[][] arcs, double[] weights,
            double[] betweenness, List<Integer> articulationPoints, List<Bridge> bridges,
            double[] effectiveSize, double[] constraint, double[] effectiveSizeNetworkxDefault,
            double[] effectiveSizeUnweighted, double[] constraintUnweighted) {

        /** The JGraphT digraph: an undirected fixture's edge {u, v} becomes u→v and v→u, each of its weight. */
        Graph<Integer, DefaultWeightedEdge> digraph() {
            Graph<Integer, DefaultWeightedEdge> g = new SimpleDirectedWeightedGraph<>(DefaultWeightedEdge.class);
            for (int v = 0; v < n; v++) {
                g.addVertex(v);
            }
            for (int i = 0; i < arcs.length; i++) {
                g.setEdgeWeight(g.addEdge(arcs[i][0], arcs[i][1]), weights[i]);
                if (!directed) {
                    g.setEdgeWeight(g.addEdge(arcs[i][1], arcs[i][0]), weights[i]);
                }
            }
            return g;
        }

        /** The fixture as an undirected JGraphT graph (undirected fixtures only). */
        Graph<Integer, DefaultWeightedEdge> undirectedGraph() {
            if (directed) {
                throw new IllegalStateException(name + " is directed");
            }
            Graph<Integer, DefaultWeightedEdge> g = new SimpleWeightedGraph<>(DefaultWeightedEdge.class);
            for (int v = 0; v < n; v++) {
                g.addVertex(v);
            }
            for (int i = 0; i < arcs.length; i++) {
                g.setEdgeWeight(g.addEdge(arcs[i][0], arcs[i][1]), weights[i]);
            }
            return g;
        }
    }

    /** One sna brokerage fixture: {@code rawNli[v]} = w_I, w_O, b_IO, b_OI, b_O, t. */
    record Sna(String name, int n, int[][] arcs, int[] group, long[][] rawNli) {
    }

    static Networkx networkx(String name) {
        JsonNode root = read("networkx-" + name + ".json");
        JsonNode edges = root.get("edges");
        int[][] arcs = new int[edges.size()][];
        double[] weights = new double[edges.size()];
        for (int i = 0; i < edges.size(); i++) {
            arcs[i] = new int[] {edges.get(i).get(0).asInt(), edges.get(i).get(1).asInt()};
            weights[i] = edges.get(i).get(2).asDouble();
        }
        List<Integer> points = new ArrayList<>();
        root.get("articulation_points").forEach(x -> points.add(x.asInt()));
        List<Bridge> bridges = new ArrayList<>();
        root.get("bridges").forEach(x -> bridges.add(new Bridge(x.get(0).asInt(), x.get(1).asInt())));
        return new Networkx(name, root.get("n").asInt(), root.get("directed").asBoolean(), arcs, weights,
                doubles(root.get("betweenness")), points, bridges, doubles(root.get("effective_size")),
                doubles(root.get("constraint")), doubles(root.get("effective_size_networkx_default")),
                doubles(root.get("effective_size_unweighted")), doubles(root.get("constraint_unweighted")));
    }

    static Sna sna(String name) {
        JsonNode root = read("sna-brokerage-" + name + ".json");
        JsonNode edges = root.get("edges");
        int[][] arcs = new int[edges.size()][];
        for (int i = 0; i < edges.size(); i++) {
            arcs[i] = new int[] {edges.get(i).get(0).asInt(), edges.get(i).get(1).asInt()};
        }
        int n = root.get("n").asInt();
        int[] group = new int[n];
        long[][] raw = new long[n][];
        for (int v = 0; v < n; v++) {
            group[v] = root.get("group").get(v).asInt();
            JsonNode row = root.get("raw_nli").get(v);
            raw[v] = new long[row.size()];
            for (int c = 0; c < row.size(); c++) {
                double x = row.get(c).asDouble();
                if (x != Math.rint(x)) {
                    throw new IllegalStateException(name + ": non-integer count " + x);
                }
                raw[v][c] = (long) x;
            }
        }
        return new Sna(name, n, arcs, group, raw);
    }

    private static double[] doubles(JsonNode array) {
        if (array == null) {
            return null;
        }
        double[] out = new double[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = array.get(i).isNull() ? Double.NaN : array.get(i).asDouble();
        }
        return out;
    }

    private static JsonNode read(String file) {
        String path = "/reference/" + file;
        try (InputStream in = ReferenceFixtures.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + path);
            }
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
