package bridgemap.app;

import bridgemap.service.AnalysisService;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bridgemap.catalogue.Analysis;
import bridgemap.catalogue.Analyses;
import bridgemap.report.Json;
import bridgemap.cli.BridgemapCommand;
import bridgemap.ingest.BundleRejectedException;
import bridgemap.ingest.ImportResult;
import bridgemap.model.ProgressListener;
import bridgemap.store.StoreStats;
import bridgemap.testing.TestStore;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Store, import and analysis checks run against a Neo4j reached only as a user's external server would be:
 * through {@code BRIDGEMAP_NEO4J_URI}, {@code _USER}, {@code _PASSWORD} and {@code _DATABASE}, read by
 * {@link AppConfig}. Subclasses say which server: an embedded DBMS with authentication, or a neo4j:5.26 container.
 */
abstract class ExternalNeo4jChecks {

    /** The environment a user would set to reach the server. */
    abstract Map<String, String> environment();

    @TempDir
    Path temp;

    private BridgemapApp app;

    @BeforeEach
    void open() {
        app = BridgemapApp.open(AppConfig.fromEnvironment(environment(), temp.resolve("embedded-data")));
        try (var session = app.store().session()) {
            session.run(TestStore.testCypher("delete-all")).consume();
        }
        app.analysis().invalidate();
    }

    @AfterEach
    void close() {
        app.close();
    }

    @Test
    void theEmbeddedStoreIsNotStarted() throws Exception {
        assertFalse(app.store().isEmbedded());
        assertTrue(app.store().description().startsWith("external Neo4j at " + environment().get("BRIDGEMAP_NEO4J_URI")),
                app.store().description());
        assertTrue(app.store().embeddedBoltUri().isEmpty());
        Path data = temp.resolve("embedded-data");
        assertFalse(Files.exists(data.resolve("data")), "no embedded store is created");
        if (Files.exists(data)) {
            try (var files = Files.list(data)) {
                assertEquals(java.util.Set.of(data.resolve("audit.log"), data.resolve("disclosure.key")),
                        java.util.Set.copyOf(files.toList()), "only the audit log and the disclosure key live there");
            }
        }
        assertTrue(app.store().ping());
    }

    @Test
    void importsAreAllOrNothingAndIdempotent() throws Exception {
        ImportResult first = app.imports().importPath(TestStore.bundlePath("tiny"), ProgressListener.NONE);
        assertEquals(34, first.summary().created());
        StoreStats stats = app.stats().stats();
        assertEquals(2, stats.labels().get("Borough"));
        assertEquals(3, stats.relationshipCount("SERVES"));
        assertTrue(app.imports().importPath(TestStore.bundlePath("tiny"), ProgressListener.NONE).summary().changedNothing());

        Path bad = TestStore.copyBundle("tiny", temp.resolve("bad"));
        Files.writeString(bad.resolve("referrals.csv"), Files.readString(bad.resolve("referrals.csv")).replace("2014-02-03", "3 Feb"));
        Files.writeString(bad.resolve("boroughs.csv"), Files.readString(bad.resolve("boroughs.csv")) + "E09000012,Hackney,Inner London\n");
        assertThrows(BundleRejectedException.class, () -> app.imports().importPath(bad, ProgressListener.NONE));
        assertEquals(stats, app.stats().stats(), "a rejected bundle writes nothing, not even its good rows");
    }

    @Test
    void theAnalysesGiveTheSameAnswersAsOnTheEmbeddedStore() throws Exception {
        app.imports().importPath(TestStore.bundlePath("tiny"), ProgressListener.NONE);
        TestStore.clear();
        TestStore.importBundle("tiny");
        LocalDate day = LocalDate.of(2014, 3, 1);
        AnalysisService external = app.analysis();
        AnalysisService embedded = TestStore.app().analysis();
        assertEquals(embedded.defaultAsOf(), external.defaultAsOf());
        for (String borough : new String[] {null, "E09000019"}) {
            var e = external.scope(day, borough);
            var m = embedded.scope(day, borough);
            for (Analysis<?> each : Analyses.ALL) {
                assertEquals(json(embedded.result(each, m)), json(external.result(each, e)), each.name());
            }
        }
    }

    @Test
    void openReferralImportsAndExportsWork() throws Exception {
        var imported = app.openReferral().importPath(Path.of("src/test/resources/openreferral/london"), null, ProgressListener.NONE);
        assertEquals(4, imported.report().services().size());
        assertEquals(4, app.stats().stats().labels().get("Service"));
        assertEquals(9, app.exports().openReferralFiles().size(), "datapackage.json, seven tables and services.json");
    }

    @Test
    void theCommandLineReachesTheServerThroughTheEnvironment() throws Exception {
        app.imports().importPath(TestStore.bundlePath("tiny"), ProgressListener.NONE);
        StringWriter out = new StringWriter();
        var cli = BridgemapCommand.commandLine(environment());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(new StringWriter(), true));
        assertEquals(0, cli.execute("stats", "--format", "json"));
        assertEquals(4, Json.mapper().readTree(out.toString()).get("labels").get("Referral").asInt());
    }

    private static String json(Object result) throws Exception {
        return Json.mapper().writeValueAsString(result);
    }
}
