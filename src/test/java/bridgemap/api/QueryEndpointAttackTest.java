package bridgemap.api;

import bridgemap.report.Json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bridgemap.privacy.Role;
import bridgemap.testing.TestStore;
import bridgemap.testing.TokenServer;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Record;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.TransactionConfig;

/**
 * Issue 13, item 2: {@code POST /api/query} attacked as an analyst over HTTP. Administration commands, {@code SHOW} and
 * {@code TERMINATE}, other databases, batches, files and several statements are refused with a reason and run nothing;
 * database errors are 400s in words; huge answers are bounded; ordinary reads still work.
 */
class QueryEndpointAttackTest {

    private static TokenServer server;

    @BeforeAll
    static void start() throws Exception {
        // Uploads may be large here (16 MB), so the query endpoint's own limit on its body is what is tested.
        server = TokenServer.start("attack", 16 << 20);
        TestStore.clear();
        TestStore.importBundle("tiny");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static HttpResponse<String> query(Role role, String cypher) throws Exception {
        return query(role, cypher, Map.of());
    }

    private static HttpResponse<String> query(Role role, String cypher, Map<String, Object> parameters) throws Exception {
        return post(role, Json.mapper().writeValueAsString(Map.of("cypher", cypher, "parameters", parameters)));
    }

    private static HttpResponse<String> post(Role role, String body) throws Exception {
        return server.send(role, "POST", "/api/query", "application/json", body);
    }

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        return Json.mapper().readTree(response.body());
    }

    /** A refusal: the status, problem+json naming the "cypher" parameter, a reason in words and no stack trace. */
    private static JsonNode assertRefused(int status, HttpResponse<String> response, String cypher) throws Exception {
        assertEquals(status, response.statusCode(), cypher + " → " + response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"), cypher);
        JsonNode problem = json(response);
        assertEquals("cypher", problem.path("parameter").asText(), cypher);
        assertTrue(problem.path("detail").asText().length() > 20, cypher + ": a reason in words: " + problem);
        assertFalse(response.body().contains("Exception") || response.body().contains("at org."), cypher + ": " + response.body());
        return problem;
    }

    private static List<String> users() {
        try (var session = TestStore.app().store().session(SessionConfig.forDatabase("system"))) {
            return session.run(TestStore.testCypher("show-users")).list(r -> r.get("user").asString());
        }
    }

    @Test
    void showTransactionsShowsNoOneElsesQueryOrParameters() throws Exception {
        try (SlowRead admin = SlowRead.start()) {
            for (String cypher : List.of("SHOW TRANSACTIONS YIELD currentQuery, parameters",
                    "SHOW TRANSACTIONS YIELD * RETURN *",
                    "/* nothing to see */ show transactions yield currentQuery, parameters // really",
                    "SHOW\u00a0TRANSACTIONS YIELD currentQuery, parameters",
                    "SHOW TRANSACTIONS YIELD currentQuery, parameters WHERE currentQuery CONTAINS 'UNWIND' RETURN *")) {
                var response = query(Role.ANALYST, cypher);
                assertRefused(400, response, cypher);
                assertFalse(response.body().contains(admin.secret), "no other transaction's parameters: " + response.body());
                assertFalse(response.body().contains("4000000000"), "no other transaction's text: " + response.body());
            }
            assertTrue(admin.isRunning());
        }
    }

    @Test
    void terminateTransactionsStopsNoOneElsesQuery() throws Exception {
        try (SlowRead admin = SlowRead.start()) {
            String id = admin.transactionId();
            for (String cypher : List.of("TERMINATE TRANSACTIONS '" + id + "'",
                    "TERMINATE TRANSACTION '" + id + "' YIELD transactionId, message RETURN *")) {
                JsonNode problem = assertRefused(400, query(Role.ANALYST, cypher), cypher);
                assertTrue(problem.path("detail").asText().contains("TERMINATE"), problem.toString());
            }
            var asParameter = query(Role.ANALYST, "TERMINATE TRANSACTIONS $id", Map.of("id", id));
            assertRefused(400, asParameter, "TERMINATE TRANSACTIONS $id");
            Thread.sleep(500);
            assertTrue(admin.isRunning(), "the admin's read is still running");
        }
    }

    @Test
    void settingsUsersDatabasesAndAdministrationAreRefused() throws Exception {
        List<String> usersBefore = users();
        for (String cypher : List.of("SHOW SETTINGS", "SHOW SETTINGS YIELD name, value RETURN name, value",
                "SHOW USERS", "SHOW DATABASES", "SHOW CURRENT USER", "SHOW INDEXES", "SHOW CONSTRAINTS", "SHOW PROCEDURES",
                "SHOW FUNCTIONS", "USE system SHOW USERS", "CREATE USER attacker SET PASSWORD 'attacker-password'",
                "ALTER CURRENT USER SET PASSWORD FROM 'old-password' TO 'new-password'", "STOP DATABASE neo4j",
                "CREATE DATABASE attack", "GRANT ROLE admin TO attacker", "DENY READ {*} ON GRAPH * TO PUBLIC",
                "ENABLE SERVER 'x'", "DEALLOCATE DATABASES FROM SERVER 'x'", "USE system MATCH (n) RETURN n",
                "USE system CALL db.labels()")) {
            JsonNode problem = assertRefused(400, query(Role.ANALYST, cypher), cypher);
            assertFalse(problem.toString().contains("bridgemap-test-store") || problem.toString().contains("directories"),
                    cypher + " shows no server path: " + problem);
        }
        // Administrators are held to the same rule on this endpoint.
        assertRefused(400, query(Role.ADMIN, "SHOW SETTINGS"), "SHOW SETTINGS as admin");
        assertEquals(usersBefore, users(), "no user was created");
        for (String cypher : List.of("CALL dbms.listConfig()", "CALL dbms.components()",
                "CALL db.labels() YIELD label CALL dbms.listConfig() YIELD name RETURN name")) {
            JsonNode problem = assertRefused(403, query(Role.ANALYST, cypher), cypher);
            assertTrue(problem.path("detail").asText().contains("not allowed"), problem.toString());
        }
        assertRefused(400, query(Role.ANALYST, "CALL dbms.listTransactions()"), "an unknown procedure");
    }

    @Test
    void batchesFilesAndSeveralStatementsAreRefusedAndRunNothing() throws Exception {
        long nodes = TestStore.stats().nodeCount();
        for (String cypher : List.of("CALL { RETURN 1 AS x } IN TRANSACTIONS RETURN x",
                "MATCH (n:Setting) CALL (n) { RETURN n.id AS id } IN TRANSACTIONS OF 1 ROW RETURN id",
                "RETURN 1; RETURN 2", "MATCH (n) RETURN count(n); MATCH (n) DETACH DELETE n",
                "RETURN 1 // ;\n; SHOW USERS")) {
            assertRefused(400, query(Role.ANALYST, cypher), cypher);
        }
        for (String cypher : List.of("LOAD CSV FROM 'file:///etc/passwd' AS l RETURN l",
                "MATCH (n) DETACH DELETE n", "CREATE (:Borough {id: 'x', name: 'x'})",
                "MATCH (n:Setting) CALL (n) { SET n.name = 'x' } RETURN count(*)",
                "CREATE INDEX attack IF NOT EXISTS FOR (n:Setting) ON (n.kind)")) {
            assertRefused(403, query(Role.ANALYST, cypher), cypher);
        }
        JsonNode multi = json(query(Role.ANALYST, "RETURN 1; RETURN 2"));
        assertTrue(multi.path("detail").asText().contains("one statement"), multi.toString());
        assertEquals(nodes, TestStore.stats().nodeCount(), "nothing was written or deleted");
    }

    @Test
    void databaseErrorsAreBadRequestsInWords() throws Exception {
        for (String cypher : List.of("RETURN substring('abc', -1)", "RETURN [1, 2, 3][..-9223372036854775808]",
                "RETURN duration('P9999999999999999999Y')", "RETURN 1 / 0", "MATCH (n RETURN n")) {
            JsonNode problem = assertRefused(400, query(Role.ANALYST, cypher), cypher);
            assertTrue(problem.path("detail").asText().startsWith("The database could not run the query: "), problem.toString());
        }
        String syntax = json(query(Role.ANALYST, "MATCH (n RETURN n")).path("detail").asText();
        assertTrue(syntax.contains("(line 1, column 10 (offset: 9))") && syntax.contains("\"MATCH (n RETURN n\""),
                "the position is in the caller's text: " + syntax);
    }

    @Test
    void hugeAnswersAreBoundedInBytes() throws Exception {
        long start = System.nanoTime();
        var huge = query(Role.ANALYST, "RETURN range(1, 25000000)");
        JsonNode problem = assertRefused(400, huge, "RETURN range(1, 25000000)");
        assertTrue(problem.path("detail").asText().contains("10 MB"), problem.toString());
        assertTrue(huge.body().length() < 2_000, "the answer is a short refusal");
        assertTrue(Duration.ofNanos(System.nanoTime() - start).toSeconds() < 60, "answered within the time limit");

        // 1,000 rows of 15 kB are 15 MB: the rows that fit in 10 MB are sent, and the answer says so.
        String big = "x".repeat(15_000);
        var truncated = query(Role.ANALYST, "UNWIND range(1, 1000) AS i RETURN i, $big AS big", Map.of("big", big));
        assertEquals(200, truncated.statusCode(), truncated.body().substring(0, Math.min(500, truncated.body().length())));
        JsonNode answer = json(truncated);
        assertTrue(truncated.body().length() <= QueryRoutes.BYTE_LIMIT, "at most 10 MB: " + truncated.body().length());
        assertTrue(answer.path("truncated").asBoolean());
        assertTrue(answer.path("rows").size() > 600 && answer.path("rows").size() < 700, "rows that fit: " + answer.path("rows").size());
        assertTrue(answer.path("truncation").asText().contains("10 MB"), answer.path("truncation").asText());

        var deep = query(Role.ANALYST, "RETURN reduce(l = [], i IN range(1, 200) | [l]) AS deep");
        assertRefused(400, deep, "deeply nested answer");
    }

    @Test
    void parametersAreBoundedInSizeAndDepth() throws Exception {
        Object nested = "bottom";
        for (int i = 0; i < 20; i++) {
            nested = List.of(nested);
        }
        var deep = query(Role.ANALYST, "RETURN size($p) AS n", Map.of("p", nested));
        assertEquals(400, deep.statusCode(), deep.body());
        assertEquals("parameters", json(deep).path("parameter").asText());
        var large = query(Role.ANALYST, "RETURN size($p) AS n", Map.of("p", "x".repeat(2 << 20)));
        assertEquals(400, large.statusCode(), large.body().substring(0, Math.min(500, large.body().length())));
        assertEquals("body", json(large).path("parameter").asText());
        assertEquals(200, query(Role.ANALYST, "RETURN size($p) AS n", Map.of("p", List.of(List.of(1, 2), List.of(3)))).statusCode());
    }

    @Test
    void ordinaryReadsStillWork() throws Exception {
        JsonNode names = json(query(Role.ANALYST, "MATCH (n:Setting) RETURN n.name LIMIT 2"));
        assertEquals(2, names.path("rows").size(), names.toString());
        assertFalse(names.path("truncated").asBoolean());
        JsonNode labels = json(query(Role.ANALYST, "CALL db.labels()"));
        assertTrue(labels.path("rows").toString().contains("\"Setting\""), labels.toString());
        JsonNode commented = json(query(Role.ANALYST,
                "/* Größe – ünïcödé */ MATCH (s:Setting {id: $id}) RETURN s.name AS name // done", Map.of("id", "mc-highbury")));
        assertEquals("Highbury Corner Magistrates' Court", commented.path("rows").get(0).path("name").asText());
        JsonNode graph = json(query(Role.ANALYST, "MATCH p = (s:Setting)-[r]->(b:Borough) RETURN p, s, r LIMIT 1"));
        JsonNode row = graph.path("rows").get(0);
        assertEquals("Setting", row.path("s").path("labels").get(0).asText(), graph.toString());
        assertEquals(3, row.path("p").size(), "a path is node, relationship, node");
        assertTrue(row.path("r").path("type").isTextual());
        JsonNode many = json(query(Role.ANALYST, "UNWIND range(1, 5000) AS x RETURN x"));
        assertEquals(QueryRoutes.ROW_LIMIT, many.path("rows").size());
        assertTrue(many.path("truncation").asText().contains("1000"), many.path("truncation").asText());
        assertEquals(200, query(Role.ANALYST, "MATCH (n) WHERE n:Setting OR n:Borough RETURN labels(n) AS l, count(*) AS c "
                + "ORDER BY c DESC UNION ALL RETURN ['none'] AS l, 0 AS c").statusCode());
        assertEquals(200, query(Role.ANALYST, "MATCH (s:Setting) WHERE EXISTS { (s)-->(:Borough) } "
                + "RETURN s.id, COUNT { (s)--() } AS degree, [(s)-->(b:Borough) | b.id] AS boroughs ORDER BY s.id").statusCode());
    }

    /**
     * An admin's long read, started through the application's store in a thread, with a secret parameter; closing it
     * terminates it (as admin) and waits for the thread.
     */
    private static final class SlowRead implements AutoCloseable {
        final String secret = "secret-" + Long.toHexString(System.nanoTime());
        private final CompletableFuture<Void> done = new CompletableFuture<>();

        static SlowRead start() throws Exception {
            SlowRead read = new SlowRead();
            Thread thread = new Thread(() -> {
                try (var session = TestStore.app().store().session();
                     var tx = session.beginTransaction(TransactionConfig.builder().withTimeout(Duration.ofSeconds(90)).build())) {
                    tx.run(TestStore.testCypher("slow-read"), Map.of("secret", read.secret)).consume();
                    read.done.complete(null);
                } catch (RuntimeException e) {
                    read.done.completeExceptionally(e);
                }
            }, "admin-slow-read");
            thread.setDaemon(true);
            thread.start();
            long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (read.find().isEmpty()) {
                if (System.nanoTime() > until || read.done.isDone()) {
                    throw new AssertionError("the admin's slow read did not start: " + read.done);
                }
                Thread.sleep(50);
            }
            return read;
        }

        private Optional<Record> find() {
            try (var session = TestStore.app().store().session()) {
                return session.run(TestStore.testCypher("find-transaction"), Map.of("find", secret)).list().stream().findFirst();
            }
        }

        String transactionId() {
            return find().orElseThrow().get("transactionId").asString();
        }

        boolean isRunning() {
            return !done.isDone() && find().map(r -> r.get("status").asString().startsWith("Running")).orElse(false);
        }

        @Override
        public void close() throws Exception {
            find().ifPresent(r -> {
                try (var session = TestStore.app().store().session()) {
                    session.run(TestStore.testCypher("terminate-transaction"), Map.of("id", r.get("transactionId").asString()))
                            .consume();
                }
            });
            try {
                done.get(30, java.util.concurrent.TimeUnit.SECONDS);
            } catch (java.util.concurrent.ExecutionException expected) {
                // terminated, as it should be
            }
        }
    }
}
