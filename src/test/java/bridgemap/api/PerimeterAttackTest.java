package bridgemap.api;

import bridgemap.report.Json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bridgemap.testing.TestStore;
import bridgemap.testing.TokenServer;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 13, item 3: without tokens every local caller is an admin, and a web page the operator opens is such a
 * caller. Each test sends what a hostile page (or DNS rebinding) makes the operator's browser send.
 */
class PerimeterAttackTest {

    private static final String SCENARIO = "{\"name\": \"planted\", \"changes\": [{\"type\": \"withdraw_funder\", \"funder\": \"f-lpt\"}]}";
    private static final String PUBLIC_NAME = "bridgemap.trust.example";
    private static TokenServer server;

    @BeforeAll
    static void start() {
        server = TokenServer.withoutTokens("perimeter", List.of(PUBLIC_NAME));
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

    private static String own() {
        return "127.0.0.1:" + server.port();
    }

    /** Headers as a browser sends them: Host first, then the given ones. */
    private static Map<String, String> headers(String host, String... pairs) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Host", host);
        for (int i = 0; i < pairs.length; i += 2) {
            headers.put(pairs[i], pairs[i + 1]);
        }
        return headers;
    }

    private static RawHttp post(String path, String body, Map<String, String> headers) throws Exception {
        return RawHttp.send(server.port(), "POST", path, headers, body.getBytes(StandardCharsets.UTF_8));
    }

    private static RawHttp get(String path, Map<String, String> headers) throws Exception {
        return RawHttp.send(server.port(), "GET", path, headers);
    }

    private static JsonNode problem(RawHttp response, int status, String header) throws Exception {
        assertEquals(status, response.status(), response.text());
        assertTrue(response.header("Content-Type").startsWith("application/problem+json"), response.headers().toString());
        JsonNode problem = Json.mapper().readTree(response.body());
        assertEquals(status, problem.get("status").asInt());
        assertEquals(header, problem.get("parameter").asText(), "the problem names the header: " + problem);
        return problem;
    }

    private static boolean saved() {
        return TestStore.app().planning().list().stream().anyMatch(s -> s.name().equals("planted"));
    }

    @Test
    void aCrossSiteTextPlainPostSavesNoScenario() throws Exception {
        // What <form enctype="text/plain"> or fetch(…, {mode: "no-cors"}) on another site sends.
        problem(post("/api/scenarios?save=true", SCENARIO, headers(own(), "Content-Type", "text/plain",
                "Origin", "http://attacker.example", "Sec-Fetch-Site", "cross-site")), 403, "Sec-Fetch-Site");
        problem(post("/api/scenarios?save=true", SCENARIO, headers(own(), "Content-Type", "text/plain",
                "Origin", "http://attacker.example")), 403, "Origin");
        // A browser that sends neither header still cannot send JSON's content type cross-site without a preflight.
        problem(post("/api/scenarios?save=true", SCENARIO, headers(own(), "Content-Type", "text/plain")), 415, "Content-Type");
        problem(post("/api/query", "{\"cypher\": \"MATCH (c:Case) RETURN c.id\"}", headers(own(),
                "Content-Type", "application/x-www-form-urlencoded")), 415, "Content-Type");
        problem(post("/api/plans", "{\"posts\": 1}", headers(own())), 415, "Content-Type");
        assertFalse(saved(), "nothing was saved");
        assertEquals(201, post("/api/scenarios?save=true", SCENARIO, headers(own(), "Content-Type", "application/json",
                "Origin", "http://" + own(), "Sec-Fetch-Site", "same-origin")).status(), "the web view's own request works");
        assertTrue(saved());
    }

    @Test
    void aForeignOriginIsRefusedEvenWithAJsonContentType() throws Exception {
        for (String origin : List.of("http://attacker.example", "null", "http://127.0.0.1:1", "http://localhost:" + server.port(),
                "http://" + own() + ".attacker.example", "http://" + own() + "/path", "http://" + PUBLIC_NAME + ":8080")) {
            assertEquals("Origin", problem(post("/api/scenarios?save=true", SCENARIO, headers(own(), "Content-Type",
                    "application/json", "Origin", origin)), 403, "Origin").get("parameter").asText(), origin);
        }
        problem(post("/api/scenarios?save=true", SCENARIO, headers(own(), "Content-Type", "application/json",
                "Sec-Fetch-Site", "same-site")), 403, "Sec-Fetch-Site");
        assertFalse(saved(), "nothing was saved");

        assertEquals(201, post("/api/scenarios?save=true", SCENARIO, headers(own(), "Content-Type", "application/json",
                "Origin", "http://" + own())).status());
        problem(RawHttp.send(server.port(), "DELETE", "/api/scenarios/planted", headers(own(), "Origin", "http://attacker.example")),
                403, "Origin");
        problem(post("/api/imports", "not a zip", headers(own(), "Content-Type", "application/zip",
                "Origin", "http://attacker.example")), 403, "Origin");
        assertTrue(saved(), "the cross-site DELETE deleted nothing");
        // Behind a reverse proxy: the operator's public name on https, the proxy passing the Host on.
        assertEquals(204, RawHttp.send(server.port(), "DELETE", "/api/scenarios/planted", headers(PUBLIC_NAME,
                "Origin", "https://" + PUBLIC_NAME)).status());
    }

    @Test
    void aRebindingHostGetsNoBundle() throws Exception {
        for (String host : List.of("attacker.example", "attacker.example:" + server.port(), "localhost.attacker.example",
                "127.0.0.1.nip.io", "bridgemap.trust.example.attacker.example", "127.0.0.1.", "0x7f.1")) {
            RawHttp bundle = get("/api/export?format=bundle", headers(host));
            problem(bundle, 421, "Host");
            assertFalse(bundle.text().startsWith("PK"), "no bundle bytes for Host " + host);
            for (String path : List.of("/", "/js/api.js", "/api/stats", "/api/cases/c-0001/pathway", "/api/nothing")) {
                problem(get(path, headers(host)), 421, "Host");
            }
            problem(post("/api/scenarios?save=true", SCENARIO, headers(host, "Content-Type", "application/json")), 421, "Host");
        }
        for (String malformed : List.of("localhost:x", "", "[::1")) {
            RawHttp bundle = get("/api/export?format=bundle", headers(malformed));
            assertEquals(400, bundle.status(), "Jetty refuses a malformed Host itself: " + malformed);
            assertFalse(bundle.text().startsWith("PK"));
        }
        assertFalse(saved());
        RawHttp bundle = get("/api/export?format=bundle", headers("localhost:" + server.port()));
        assertEquals(200, bundle.status());
        assertTrue(bundle.text().startsWith("PK"), "the bundle itself, to this machine");
        for (String host : List.of(own(), "127.0.0.1", "localhost", "LOCALHOST.:" + server.port(), "[::1]:" + server.port(),
                "10.0.0.5:" + server.port(), PUBLIC_NAME, "Bridgemap.Trust.Example:443")) {
            assertEquals(200, get("/api/health", headers(host)).status(), host);
            assertEquals(200, get("/", headers(host)).status(), host);
        }
    }

    @Test
    void crossSiteCaseLevelReadsAreRefused() throws Exception {
        // An <img> or <a> on another site sends no Origin on a GET; Sec-Fetch-Site still tells.
        problem(get("/api/cases/c-0001/pathway", headers(own(), "Sec-Fetch-Site", "cross-site")), 403, "Sec-Fetch-Site");
        RawHttp bundle = get("/api/export?format=bundle", headers(own(), "Origin", "http://attacker.example"));
        problem(bundle, 403, "Origin");
        assertFalse(bundle.text().startsWith("PK"));
        assertEquals(200, get("/api/cases/c-0001/pathway", headers(own(), "Sec-Fetch-Site", "same-origin")).status());
        assertEquals(200, get("/api/export?format=bundle", headers(own(), "Sec-Fetch-Site", "none")).status(),
                "typed into the address bar");
    }

    @Test
    void refusedCrossSiteCallsAreAuditedAsAnonymousNotAsTheLocalAdmin() throws Exception {
        long before = server.auditLines();
        post("/api/scenarios?save=true", SCENARIO, headers(own(), "Content-Type", "application/json", "Origin", "http://attacker.example"));
        get("/api/export?format=bundle", headers("attacker.example"));
        List<JsonNode> entries = server.auditEntriesSince(before);
        assertEquals(2, entries.size(), "one entry each, no \"started\" for a refused change: " + entries);
        assertEquals("POST /api/scenarios", entries.get(0).get("action").asText());
        assertEquals("403", entries.get(0).get("outcome").asText());
        assertEquals("GET /api/export", entries.get(1).get("action").asText());
        assertEquals("421", entries.get(1).get("outcome").asText());
        for (JsonNode entry : entries) {
            assertEquals("anonymous", entry.get("who").asText(), entry.toString());
            assertTrue(entry.get("role").isNull(), entry.toString());
        }
    }
}
