package bridgemap.api;

import bridgemap.report.Json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bridgemap.privacy.Role;
import bridgemap.testing.TestStore;
import bridgemap.testing.TokenServer;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Issue 13, item 6: who the audit log names, what it leaves out, and whether one entry can pass for two. */
class AuditTrailTest {

    private static TokenServer server;

    @BeforeAll
    static void start() {
        server = TokenServer.start("audit");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @BeforeEach
    void tiny() throws Exception {
        TestStore.clear();
        TestStore.importBundle("tiny");
    }

    private static HttpResponse<String> query(String bearer, Object body) throws Exception {
        return server.sendAs(bearer, "POST", "/api/query", "application/json", Json.mapper().writeValueAsBytes(body));
    }

    @Test
    void noTokenOrAnUnknownOneIsNotLoggedAsTheLocalAdmin() throws Exception {
        long before = server.auditLines();
        assertEquals(401, query(null, Map.of("cypher", "MATCH (c:Case) RETURN c.id")).statusCode());
        assertEquals(401, query("bm_guessed", Map.of("cypher", "MATCH (c:Case) RETURN c.id")).statusCode());
        List<JsonNode> entries = server.auditEntriesSince(before);
        assertEquals(2, entries.size(), entries.toString());
        assertEquals("anonymous", entries.get(0).get("who").asText());
        assertEquals("unrecognised", entries.get(1).get("who").asText());
        for (JsonNode entry : entries) {
            assertTrue(entry.get("role").isNull(), "no role: " + entry);
            assertEquals("401", entry.get("outcome").asText());
        }
    }

    @Test
    void aBundleExportRefusedBeforeItsHandlerRanIsAudited() throws Exception {
        long before = server.auditLines();
        assertEquals(401, server.get(null, "/api/export?format=bundle").statusCode());
        assertEquals(401, server.sendAs("bm_guessed", "GET", "/api/export?format=%20bundle%20", null, null).statusCode());
        assertEquals(403, server.get(Role.VIEWER, "/api/export?format=bundle").statusCode());
        assertEquals(401, server.get(null, "/api/export?format=graphml").statusCode());
        List<JsonNode> entries = server.auditEntriesSince(before);
        assertEquals(3, entries.size(), "the three bundle attempts, not the aggregated export: " + entries);
        assertEquals(List.of("anonymous", "unrecognised", "audit-viewer"),
                entries.stream().map(e -> e.get("who").asText()).toList());
        assertEquals(List.of("401", "401", "403"), entries.stream().map(e -> e.get("outcome").asText()).toList());
        for (JsonNode entry : entries) {
            assertEquals("GET /api/export", entry.get("action").asText());
            assertEquals("bundle", entry.get("parameters").get("format").asText().strip());
        }
    }

    @Test
    void aQueryIsLoggedWithItsParameters() throws Exception {
        long before = server.auditLines();
        var response = query(server.token(Role.ANALYST), Map.of(
                "cypher", "MATCH (c:Case) WHERE c.id IN $ids RETURN c.id AS id",
                "parameters", Map.of("ids", List.of("c-0001", "c-0002"))));
        assertEquals(200, response.statusCode(), response.body());
        List<JsonNode> entries = server.auditEntriesSince(before);
        assertEquals(List.of("started", "200"), entries.stream().map(e -> e.get("outcome").asText()).toList(),
                "written before it ran, and after");
        assertEquals(entries.get(0).get("request"), entries.get(1).get("request"));
        JsonNode outcome = entries.get(1);
        assertEquals("MATCH (c:Case) WHERE c.id IN $ids RETURN c.id AS id", outcome.get("parameters").get("cypher").asText());
        assertEquals("[\"c-0001\",\"c-0002\"]", outcome.get("parameters").get("parameters").get("ids").toString());
    }

    @Test
    void lineBreaksInAParameterStayInsideOneEntry() throws Exception {
        String hostile = "a\u2028b\u0085c\u2029d\re\nf\u000bg\u000ch\u001b[2J\u007f\u202e\u2066i";
        long before = server.auditLines();
        var response = query(server.token(Role.ANALYST), Map.of("cypher", "RETURN $x AS x", "parameters", Map.of("x", hostile)));
        assertEquals(200, response.statusCode(), response.body());
        String text = Files.readString(server.auditFile(), StandardCharsets.UTF_8);
        // Every line end a reader may honour: \r\n, \n, \u000b, \u000c, \r, U+0085, U+2028, U+2029.
        List<String> lines = Pattern.compile("\\R").splitAsStream(text).filter(line -> !line.isEmpty()).toList();
        assertEquals(before + 2, lines.size(), "one line per entry");
        for (String line : lines.subList((int) before, lines.size())) {
            assertTrue(line.chars().allMatch(c -> c >= 0x20 && c < 0x7f || c > 0x9f && !Character.isISOControl(c)
                    && Character.getType(c) != Character.FORMAT), "no control or format character: " + line);
        }
        JsonNode outcome = Json.mapper().readTree(lines.get(lines.size() - 1));
        assertEquals(hostile, outcome.get("parameters").get("parameters").get("x").asText());
    }

    @Test
    void anImportIsOnRecordBeforeItCommits() throws Exception {
        TestStore.clear();
        byte[] zip = FolderZip.of(TestStore.bundlePath("tiny"));
        long before = server.auditLines();
        try (var session = TestStore.app().store().session(); var hold = session.beginTransaction()) {
            // Holds the id of a borough the bundle creates: the import validates, then waits inside its write.
            hold.run(TestStore.testCypher("hold-borough-id"), Map.of("id", "E09000012")).consume();
            CompletableFuture<HttpResponse<String>> upload = CompletableFuture.supplyAsync(() -> {
                try {
                    return server.sendAs(server.token(Role.ADMIN), "POST", "/api/imports?name=tiny.zip", "application/zip", zip);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            JsonNode started = awaitEntry(before, "started");
            assertEquals("POST /api/imports", started.get("action").asText());
            assertEquals("audit-admin", started.get("who").asText());
            assertEquals(0, TestStore.stats().nodeCount(), "the import has not committed yet");
            assertEquals(1, server.auditEntriesSince(before).size(), "no outcome yet");
            hold.rollback();
            var response = upload.get(60, TimeUnit.SECONDS);
            assertEquals(201, response.statusCode(), response.body());
            List<JsonNode> entries = server.auditEntriesSince(before);
            assertEquals(2, entries.size(), entries.toString());
            assertEquals("201", entries.get(1).get("outcome").asText());
            assertEquals(started.get("request"), entries.get(1).get("request"), "the outcome names the same request");
            assertEquals(34, entries.get(1).get("rows").asInt());
        }
        assertTrue(TestStore.stats().nodeCount() > 0);
    }

    @Test
    void savingAndDeletingAScenarioAreOnRecordBeforeAndAfter() throws Exception {
        long before = server.auditLines();
        String scenario = "{\"name\": \"s\", \"changes\": [{\"type\": \"withdraw_funder\", \"funder\": \"f-lpt\"}]}";
        assertEquals(201, server.send(Role.ADMIN, "POST", "/api/scenarios?save=true", "application/json", scenario).statusCode());
        assertEquals(204, server.send(Role.ADMIN, "DELETE", "/api/scenarios/s", null, null).statusCode());
        List<JsonNode> entries = server.auditEntriesSince(before);
        assertEquals(List.of("started", "201", "started", "204"), entries.stream().map(e -> e.get("outcome").asText()).toList());
        assertEquals(entries.get(0).get("request"), entries.get(1).get("request"));
        assertEquals(entries.get(2).get("request"), entries.get(3).get("request"));
        assertTrue(!entries.get(0).get("request").equals(entries.get(2).get("request")));
        assertEquals("true", entries.get(0).get("parameters").get("save").asText());
        assertEquals("s", entries.get(2).get("parameters").get("name").asText());
    }

    private static JsonNode awaitEntry(long before, String outcome) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            for (JsonNode entry : server.auditEntriesSince(before)) {
                if (entry.get("outcome").asText().equals(outcome)) {
                    return entry;
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no \"" + outcome + "\" entry while the import waits to commit: " + server.auditEntriesSince(before));
    }

}
