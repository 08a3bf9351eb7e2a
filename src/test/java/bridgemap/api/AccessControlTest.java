package bridgemap.api;

import bridgemap.report.Json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bridgemap.catalogue.Analyses;
import bridgemap.catalogue.Analysis;
import bridgemap.privacy.Role;
import bridgemap.testing.TestStore;
import bridgemap.testing.TokenServer;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Tokens, roles, disclosure control for researchers, the query endpoint and the audit log, over HTTP. */
class AccessControlTest {

    private static TokenServer server;

    @BeforeAll
    static void start() throws Exception {
        server = TokenServer.start("test");
        assertTrue(!Files.readString(server.tokensFile()).contains(server.token(Role.ADMIN)), "only hashes are stored");
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

    /** {@code method path} as {@code role}, with a JSON body (none when null). */
    private static HttpResponse<String> send(Role role, String method, String path, String body) throws Exception {
        return server.send(role, method, path, body == null ? null : "application/json", body);
    }

    private static HttpResponse<String> get(Role role, String path) throws Exception {
        return server.get(role, path);
    }

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        return Json.mapper().readTree(response.body());
    }

    @Test
    void healthAndTheDocumentationAreOpenEverythingElseNeedsAToken() throws Exception {
        assertEquals(200, get(null, "/api/health").statusCode());
        assertEquals(200, get(null, "/openapi.json").statusCode());
        assertEquals(200, get(null, "/").statusCode(), "the web view loads, then asks for a token");
        var none = get(null, "/api/stats");
        assertEquals(401, none.statusCode());
        assertTrue(none.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer"));
        assertTrue(none.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        var wrong = server.sendAs("bm_not-a-token", "GET", "/api/stats", null, null);
        assertEquals(401, wrong.statusCode());
        assertEquals("The token is not recognised.", json(wrong).get("detail").asText());
    }

    @Test
    void eachRoleGetsWhatItMayHaveAndNoMore() throws Exception {
        assertEquals(200, get(Role.VIEWER, "/api/analysis/coverage?asOf=2014-03-01").statusCode());
        assertEquals(403, get(Role.VIEWER, "/api/cases/c-0001/pathway").statusCode());
        assertEquals(403, get(Role.VIEWER, "/api/research/pathways").statusCode());
        assertEquals(403, send(Role.VIEWER, "POST", "/api/query", "{\"cypher\": \"RETURN 1\"}").statusCode());
        assertEquals(403, send(Role.VIEWER, "POST", "/api/imports", "x").statusCode());
        assertEquals(403, get(Role.RESEARCHER, "/api/cases/c-0001/pathway").statusCode(), "never case-level data");
        assertEquals(200, get(Role.ANALYST, "/api/cases/c-0001/pathway").statusCode());
        assertEquals(403, send(Role.ANALYST, "POST", "/api/imports", "x").statusCode());
        String scenario = "{\"name\": \"s\", \"changes\": [{\"type\": \"withdraw_funder\", \"funder\": \"f-lpt\"}]}";
        assertEquals(200, send(Role.ANALYST, "POST", "/api/scenarios", scenario).statusCode());
        assertEquals(403, send(Role.ANALYST, "POST", "/api/scenarios?save=true", scenario).statusCode());
        assertEquals(201, send(Role.ADMIN, "POST", "/api/scenarios?save=true", scenario).statusCode());
        assertEquals(403, send(Role.ANALYST, "DELETE", "/api/scenarios/s", null).statusCode());
        assertEquals(204, send(Role.ADMIN, "DELETE", "/api/scenarios/s", null).statusCode());
    }

    @Test
    void researchersSeeSmallNumbersSuppressed() throws Exception {
        JsonNode gaps = json(get(Role.RESEARCHER, "/api/analysis/gaps?asOf=2014-03-01"));
        JsonNode conflict = gaps.get("exclusionConflicts").get("conflicts").get(0);
        assertEquals("*", conflict.get("cases").asText(), "one case is shown as *");
        JsonNode edge = json(get(Role.RESEARCHER, "/api/network?asOf=2014-03-01")).get("elements").get("edges").get(0);
        assertEquals("*", edge.get("data").get("referrals").asText(), "per-edge referral counts too");
        JsonNode loss = gaps.get("handOffLoss").get("handOffs").get(0);
        assertEquals("*", loss.get("loss").asText(), "a rate on suppressed counts is suppressed");
        JsonNode analystGaps = json(get(Role.ANALYST, "/api/analysis/gaps?asOf=2014-03-01"));
        assertEquals(1, analystGaps.get("exclusionConflicts").get("conflicts").get(0).get("cases").asInt(),
                "analysts see the counts");
        JsonNode pathways = json(get(Role.RESEARCHER, "/api/research/pathways?level=sector&financialYear=2013/14"));
        assertTrue(pathways.get("pathways").size() > 0);
        assertTrue(!pathways.toString().contains("c-0001"), "no case ids");
        assertEquals("*", pathways.get("people").asText(), "two people are shown as *");
        assertEquals(List.of("other pathways"), List.of(pathways.get("pathways").get(0).get("steps").get(0).asText()),
                "pathways of fewer than 8 people are not shown one by one");
    }

    @Test
    void researchersGetEveryAnalysisAsOfAMonthsEnd() throws Exception {
        for (Analysis<?> each : Analyses.ALL) {
            JsonNode result = json(get(Role.RESEARCHER, "/api/analysis/" + each.name() + "?asOf=2014-03-01"));
            assertEquals("2014-02-28", result.get("asOf").asText(), each.name() + ": no one-day differences");
            JsonNode exact = json(get(Role.ANALYST, "/api/analysis/" + each.name() + "?asOf=2014-03-01"));
            assertEquals("2014-03-01", exact.get("asOf").asText(), each.name());
        }
    }

    @Test
    void caseLevelReadsAndMutationsAreAuditLogged() throws Exception {
        long before = server.auditLines();
        get(Role.ANALYST, "/api/cases/c-0001/pathway");
        get(Role.VIEWER, "/api/cases/c-0001/pathway");
        send(Role.ANALYST, "POST", "/api/query", "{\"cypher\": \"MATCH (c:Case) RETURN c.id AS id\"}");
        get(Role.ANALYST, "/api/analysis/coverage");
        List<JsonNode> entries = server.auditEntriesSince(before).stream()
                .filter(entry -> !entry.get("outcome").asText().equals("started")).toList();
        assertEquals(3, entries.size(), "aggregated reads are not logged: " + entries);
        JsonNode pathway = entries.get(0);
        assertEquals("test-analyst", pathway.get("who").asText());
        assertEquals("GET /api/cases/{id}/pathway", pathway.get("action").asText());
        assertEquals("c-0001", pathway.get("parameters").get("id").asText());
        assertEquals("200", pathway.get("outcome").asText());
        assertEquals(3, pathway.get("rows").asInt());
        assertEquals("403", entries.get(1).get("outcome").asText(), "refused attempts are logged too");
        assertEquals("MATCH (c:Case) RETURN c.id AS id", entries.get(2).get("parameters").get("cypher").asText());
        assertEquals(2, entries.get(2).get("rows").asInt());
    }

    @Test
    void theQueryEndpointIsReadOnly() throws Exception {
        JsonNode rows = json(send(Role.ANALYST, "POST", "/api/query",
                "{\"cypher\": \"MATCH (b:Borough) WHERE b.id STARTS WITH $prefix RETURN b.id AS id ORDER BY id\", "
                        + "\"parameters\": {\"prefix\": \"E09\"}}"));
        assertEquals("[{\"id\":\"E09000012\"},{\"id\":\"E09000019\"}]", rows.get("rows").toString());
        long nodes = TestStore.stats().nodeCount();
        for (String refused : List.of("CREATE (:Borough {id: 'x', name: 'x'})", "MATCH (n) DETACH DELETE n",
                "CREATE INDEX x IF NOT EXISTS FOR (n:Borough) ON (n.name)", "CALL dbms.listConfig()",
                "LOAD CSV FROM 'file:///etc/passwd' AS line RETURN line")) {
            var response = send(Role.ANALYST, "POST", "/api/query", Json.mapper().writeValueAsString(Map.of("cypher", refused)));
            assertEquals(403, response.statusCode(), refused + ": " + response.body());
        }
        assertEquals(nodes, TestStore.stats().nodeCount());
        assertEquals(200, send(Role.ANALYST, "POST", "/api/query", "{\"cypher\": \"CALL db.labels()\"}").statusCode());
        assertEquals(400, send(Role.ANALYST, "POST", "/api/query", "{\"cypher\": \"MATCH (n RETURN n\"}").statusCode());
        JsonNode many = json(send(Role.ANALYST, "POST", "/api/query", "{\"cypher\": \"UNWIND range(1, 5000) AS x RETURN x\"}"));
        assertEquals(1000, many.get("rows").size());
        assertTrue(many.get("truncated").asBoolean());
    }
}
