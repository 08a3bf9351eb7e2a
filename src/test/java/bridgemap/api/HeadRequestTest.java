package bridgemap.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bridgemap.privacy.Role;
import bridgemap.testing.TestStore;
import bridgemap.testing.TokenServer;
import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.HandlerType;
import io.javalin.router.Endpoint;
import io.javalin.security.Roles;
import io.javalin.security.RouteRole;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 13, item 7: Javalin answers {@code HEAD} for a {@code GET} route by itself, 200, without the route's roles.
 * Every route of the route table is asked with {@code HEAD}: without a token, and with each role.
 */
class HeadRequestTest {

    private static TokenServer server;

    @BeforeAll
    static void start() throws Exception {
        TestStore.clear();
        TestStore.importBundle("tiny");
        server = TokenServer.start("head");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static HttpResponse<String> head(Role role, String path) throws Exception {
        return server.send(role, "HEAD", path, null, null);
    }

    /** The route's path with its parameters filled in (a case id the tiny bundle holds). */
    private static String concrete(String path) {
        return path.replaceAll("\\{[^}]+}", "c-0001").replaceAll("<[^>]+>", "x");
    }

    /** Every endpoint the server has, as Javalin's router holds them. */
    private static List<Endpoint> routeTable() {
        List<Endpoint> endpoints = new ArrayList<>();
        server.javalin().unsafe.internalRouter.allHttpHandlers().forEach(parsed -> endpoints.add(parsed.endpoint));
        return endpoints;
    }

    private static Set<RouteRole> roles(Endpoint endpoint) {
        Roles roles = endpoint.metadata(Roles.class);
        return roles == null ? Set.of() : roles.getRoles();
    }

    @Test
    void everyRouteAskedWithHeadWithoutATokenIsRefusedWhereGetWouldBe() throws Exception {
        List<Endpoint> table = routeTable();
        List<String> protectedGets = new ArrayList<>();
        for (Endpoint endpoint : table) {
            if (!endpoint.method.equals(HandlerType.GET) && !endpoint.method.equals(HandlerType.POST)
                    && !endpoint.method.equals(HandlerType.DELETE)) {
                continue;
            }
            String path = concrete(endpoint.path);
            boolean getNeedsARole = table.stream().anyMatch(e -> e.method.equals(HandlerType.GET)
                    && concrete(e.path).equals(path) && !Access.required(roles(e)).isEmpty());
            var response = head(null, path.equals("/api/export") ? path + "?format=bundle" : path);
            if (getNeedsARole) {
                assertEquals(401, response.statusCode(), "HEAD " + path + " without a token");
                assertTrue(response.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer"));
                protectedGets.add(path);
            } else if (table.stream().noneMatch(e -> e.method.equals(HandlerType.GET) && concrete(e.path).equals(path))) {
                assertTrue(response.statusCode() >= 400, "HEAD " + path + " has no GET to answer it: " + response.statusCode());
            } else {
                int get = server.get(null, path).statusCode();
                assertEquals(get, response.statusCode(), "HEAD " + path + " answers as its open GET does");
            }
        }
        assertTrue(protectedGets.containsAll(List.of("/api/export", "/api/cases/c-0001/pathway", "/api/stats",
                "/api/research/pathways", "/api/scenarios")), "the route table was read: " + protectedGets);
        var wrong = server.sendAs("bm_not-a-token", "HEAD", "/api/export?format=bundle", null, null);
        assertEquals(401, wrong.statusCode(), "an unknown token");
    }

    @Test
    void headGivesEachRoleWhatGetGivesIt() throws Exception {
        for (Endpoint endpoint : routeTable()) {
            if (!endpoint.method.equals(HandlerType.GET) || Access.required(roles(endpoint)).isEmpty()) {
                continue;
            }
            List<Access> required = Access.required(roles(endpoint));
            String path = concrete(endpoint.path);
            for (Role role : Role.values()) {
                int status = head(role, path).statusCode();
                if (required.stream().anyMatch(a -> a.allows(role))) {
                    assertTrue(status != 401 && status != 403, "HEAD " + path + " as " + role + ": " + status);
                } else {
                    assertEquals(403, status, "HEAD " + path + " as " + role);
                }
            }
        }
        assertEquals(403, head(Role.ANALYST, "/api/export?format=bundle").statusCode(), "the bundle is for admins");
        var bundle = head(Role.ADMIN, "/api/export?format=bundle");
        assertEquals(200, bundle.statusCode());
        assertEquals("", bundle.body());
    }

    @Test
    void aHeadOnACaseLevelRouteIsAudited() throws Exception {
        long before = server.auditLines();
        head(null, "/api/export?format=bundle");
        head(Role.ANALYST, "/api/cases/c-0001/pathway");
        List<JsonNode> entries = server.auditEntriesSince(before);
        assertEquals(2, entries.size(), entries.toString());
        assertEquals("HEAD /api/export", entries.get(0).get("action").asText());
        assertEquals("401", entries.get(0).get("outcome").asText());
        assertEquals("HEAD /api/cases/{id}/pathway", entries.get(1).get("action").asText());
        assertEquals("head-analyst", entries.get(1).get("who").asText());
        assertFalse(entries.get(1).get("role").isNull());
    }
}
