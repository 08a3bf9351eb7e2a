package bridgemap.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.connectors.HttpsConnector;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.graphdb.Label;
import org.neo4j.graphdb.Node;
import org.neo4j.graphdb.RelationshipType;
import org.neo4j.graphdb.Result;
import org.neo4j.graphdb.Transaction;
import org.neo4j.kernel.api.procedure.GlobalProcedures;
import org.neo4j.kernel.internal.GraphDatabaseAPI;

/**
 * Times Neo4j Graph Data Science's {@code gds.betweenness.stream} on an edge list loaded into an
 * embedded Neo4j in this JVM, for {@code bench/betweenness/run.sh}. Not a test.
 *
 * <pre>
 *   GdsBetweennessBenchmark edges.txt n scores.out times.json [concurrency]
 * </pre>
 *
 * <p>GDS is not a Bridgemap dependency: its jars are on the test classpath only under the Maven
 * profile {@code bench} ({@code ./mvnw -Pbench ...}), and this class names none of its types, so the
 * normal build compiles it without them; without them it exits with status 3 and says so.
 *
 * <p>Embedded Neo4j loads GDS's kernel extension (a {@code ExtensionFactory} service in
 * {@code opengds-extension}, which provides the facade the procedures inject) from the classpath by
 * itself, but it does not load procedures from the classpath the way a server loads
 * {@code plugins/}: every class GDS lists in its {@code META-INF/services/org.neo4j.procedure.*}
 * files is registered here through {@link GlobalProcedures} from the database's dependency
 * resolver. GDS's procedures also need {@code dbms.security.procedures.unrestricted=gds.*}.
 *
 * <p>Steps: load the arcs into a fresh store (label {@code V}, type {@code R}; not timed as part of
 * the algorithm), warm the JIT with three runs of the same procedure on a seeded G(2000, 20000)
 * projected from the same store, then time {@code gds.graph.project} (natural orientation, that is
 * directed) and {@code gds.betweenness.stream} with the given concurrency (default 2), reading all
 * rows. GDS's directed betweenness is the unnormalised sum over ordered pairs; it is written divided
 * by (n−1)(n−2), as Bridgemap normalises.
 */
public final class GdsBetweennessBenchmark {

    private static final String PROBE = "org.neo4j.gds.betweenness.BetweennessCentralityStreamProc";
    private static final int BATCH = 50_000;

    private GdsBetweennessBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 4 || args.length > 5) {
            System.err.println("usage: GdsBetweennessBenchmark edges.txt n scores.out times.json [concurrency]");
            System.exit(2);
        }
        try {
            Class.forName(PROBE);
        } catch (ClassNotFoundException e) {
            System.err.println("Neo4j GDS is not on the classpath: build the classpath with the Maven profile "
                    + "'bench' (./mvnw -Pbench ...), as bench/betweenness/run.sh does");
            System.exit(3);
        }
        Path edges = Path.of(args[0]);
        int n = Integer.parseInt(args[1]);
        Path scoresOut = Path.of(args[2]);
        Path timesOut = Path.of(args[3]);
        int concurrency = args.length > 4 ? Integer.parseInt(args[4]) : 2;

        Path home = Files.createTempDirectory("bridgemap-gds-bench");
        long t = System.nanoTime();
        DatabaseManagementService dbms = new DatabaseManagementServiceBuilder(home)
                .setConfig(BoltConnector.enabled, false)
                .setConfig(HttpConnector.enabled, false)
                .setConfig(HttpsConnector.enabled, false)
                .setConfig(GraphDatabaseSettings.procedure_unrestricted, List.of("gds.*"))
                .setConfig(GraphDatabaseInternalSettings.udc_network_enabled, false)
                .setConfig(GraphDatabaseSettings.transaction_timeout, Duration.ZERO)
                .build();
        try {
            GraphDatabaseAPI db = (GraphDatabaseAPI) dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
            double start = seconds(t);
            int registered = registerGds(db);
            String version = gdsVersion(db);
            System.out.printf("gds: Neo4j started in %.1f s, %d GDS procedures and functions registered, GDS %s%n",
                    start, registered, version);

            t = System.nanoTime();
            long[] ids = load(db, EdgeList.read(edges, n), "V", "R");
            double load = seconds(t);
            EdgeList small = EdgeList.gnm(2_000, 20_000, 1L);
            long[] smallIds = load(db, small, "W", "S");
            System.out.printf("gds: loaded %d nodes and the arcs into Neo4j in %.1f s%n", n, load);

            t = System.nanoTime();
            for (int i = 0; i < 3; i++) {
                project(db, "warm", "W", "S", concurrency);
                stream(db, "warm", smallIds, concurrency);
                drop(db, "warm");
            }
            double warmUp = seconds(t);

            t = System.nanoTime();
            long arcs = project(db, "g", "V", "R", concurrency);
            double projection = seconds(t);
            t = System.nanoTime();
            long cpu = EdgeList.processCpuNanos();
            double[] raw = stream(db, "g", ids, concurrency);
            double compute = seconds(t);
            cpu = EdgeList.processCpuNanos() - cpu;
            drop(db, "g");

            double scale = n > 2 ? 1.0 / ((double) (n - 1) * (n - 2)) : 0.0;
            for (int v = 0; v < n; v++) {
                raw[v] *= scale;
            }
            EdgeList.writeScores(scoresOut, raw);
            Map<String, Object> times = new LinkedHashMap<>();
            times.put("implementation", "gds");
            times.put("version", "GDS " + version + " in embedded Neo4j " + neo4jVersion());
            times.put("nodes", n);
            times.put("arcs", arcs);
            times.put("concurrency", concurrency);
            times.put("neo4j_load_seconds", load);
            times.put("warm_up_seconds", warmUp);
            times.put("build_seconds", projection);
            times.put("compute_seconds", compute);
            times.put("compute_cpu_seconds", cpu / 1e9);
            EdgeList.writeJson(timesOut, times);
            System.out.printf("gds: projection %.3f s, gds.betweenness.stream %.3f s (concurrency %d)%n",
                    projection, compute, concurrency);
        } finally {
            dbms.shutdown();
            deleteTree(home);
        }
    }

    /**
     * Registers every GDS procedure, function and aggregation function that GDS's jars list as
     * services; embedded Neo4j does not do this itself.
     */
    private static int registerGds(GraphDatabaseAPI db) throws Exception {
        GlobalProcedures procedures = db.getDependencyResolver().resolveDependency(GlobalProcedures.class);
        int count = 0;
        List<String> failures = new ArrayList<>();
        for (String kind : List.of("Procedure", "UserFunction", "UserAggregationFunction")) {
            for (String name : services("META-INF/services/org.neo4j.procedure." + kind)) {
                if (!name.startsWith("org.neo4j.gds.")) {
                    continue;
                }
                try {
                    Class<?> type = Class.forName(name);
                    switch (kind) {
                        case "Procedure" -> procedures.registerProcedure(type);
                        case "UserFunction" -> procedures.registerFunction(type);
                        default -> procedures.registerAggregationFunction(type);
                    }
                    count++;
                } catch (Exception | LinkageError e) {
                    failures.add(name + ": " + e);
                }
            }
        }
        if (!failures.isEmpty()) {
            System.err.println("gds: " + failures.size() + " classes not registered (not needed here):");
            failures.forEach(f -> System.err.println("  " + f));
        }
        return count;
    }

    private static TreeSet<String> services(String resource) throws IOException {
        TreeSet<String> names = new TreeSet<>();
        Enumeration<URL> urls = GdsBetweennessBenchmark.class.getClassLoader().getResources(resource);
        while (urls.hasMoreElements()) {
            try (BufferedReader in = new BufferedReader(
                    new InputStreamReader(urls.nextElement().openStream(), StandardCharsets.UTF_8))) {
                in.lines().map(l -> l.replaceAll("#.*", "").strip()).filter(l -> !l.isEmpty()).forEach(names::add);
            }
        }
        return names;
    }

    private static String gdsVersion(GraphDatabaseService db) {
        try (Transaction tx = db.beginTx(); Result r = tx.execute("RETURN gds.version() AS v")) {
            return String.valueOf(r.next().get("v"));
        } catch (RuntimeException e) {
            String v = classVersion(PROBE);
            return v == null ? "(version unknown)" : v;
        }
    }

    private static String neo4jVersion() {
        String v = classVersion("org.neo4j.graphdb.GraphDatabaseService");
        return v == null ? "5" : v;
    }

    private static String classVersion(String className) {
        try {
            return Class.forName(className).getPackage().getImplementationVersion();
        } catch (ClassNotFoundException e) {
            return null;
        }
    }

    /** Creates the graph's nodes and relationships; returns each vertex's Neo4j node id. */
    @SuppressWarnings("deprecation") // GDS streams Neo4j's long node ids, so they are what we map
    private static long[] load(GraphDatabaseService db, EdgeList g, String label, String type) {
        Label l = Label.label(label);
        RelationshipType r = RelationshipType.withName(type);
        long[] ids = new long[g.n];
        for (int first = 0; first < g.n; first += BATCH) {
            try (Transaction tx = db.beginTx()) {
                for (int v = first; v < Math.min(g.n, first + BATCH); v++) {
                    Node node = tx.createNode(l);
                    node.setProperty("v", v);
                    ids[v] = node.getId();
                }
                tx.commit();
            }
        }
        for (int first = 0; first < g.from.length; first += BATCH) {
            try (Transaction tx = db.beginTx()) {
                for (int i = first; i < Math.min(g.from.length, first + BATCH); i++) {
                    tx.getNodeById(ids[g.from[i]]).createRelationshipTo(tx.getNodeById(ids[g.to[i]]), r);
                }
                tx.commit();
            }
        }
        return ids;
    }

    /** Projects the labelled nodes and typed relationships, directed; returns the arcs projected. */
    private static long project(GraphDatabaseService db, String graph, String label, String type, int concurrency) {
        try (Transaction tx = db.beginTx();
                Result r = tx.execute("CALL gds.graph.project($g, $label, $type, {readConcurrency: $c}) "
                        + "YIELD nodeCount, relationshipCount RETURN nodeCount, relationshipCount",
                        Map.of("g", graph, "label", label, "type", type, "c", concurrency))) {
            Map<String, Object> row = r.next();
            long arcs = ((Number) row.get("relationshipCount")).longValue();
            tx.commit();
            return arcs;
        }
    }

    /** Raw betweenness per vertex, read from every row of {@code gds.betweenness.stream}. */
    private static double[] stream(GraphDatabaseService db, String graph, long[] ids, int concurrency) {
        Map<Long, Integer> vertexOf = new HashMap<>(2 * ids.length);
        for (int v = 0; v < ids.length; v++) {
            vertexOf.put(ids[v], v);
        }
        double[] scores = new double[ids.length];
        int rows = 0;
        try (Transaction tx = db.beginTx();
                Result r = tx.execute("CALL gds.betweenness.stream($g, {concurrency: $c}) YIELD nodeId, score "
                        + "RETURN nodeId, score", Map.of("g", graph, "c", concurrency))) {
            while (r.hasNext()) {
                Map<String, Object> row = r.next();
                Integer v = vertexOf.get(((Number) row.get("nodeId")).longValue());
                if (v == null) {
                    throw new IllegalStateException("gds returned an unknown node " + row.get("nodeId"));
                }
                scores[v] = ((Number) row.get("score")).doubleValue();
                rows++;
            }
            tx.commit();
        }
        if (rows != ids.length) {
            throw new IllegalStateException("gds returned " + rows + " rows for " + ids.length + " nodes");
        }
        return scores;
    }

    private static void drop(GraphDatabaseService db, String graph) {
        try (Transaction tx = db.beginTx(); Result r = tx.execute("CALL gds.graph.drop($g) YIELD graphName "
                + "RETURN graphName", Map.of("g", graph))) {
            r.resultAsString();
            tx.commit();
        }
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
