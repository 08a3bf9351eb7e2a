package bridgemap.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bridgemap.testing.TinyServer;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 17, answers sized for people: the analyses' long lists come a page at a time over HTTP (limit, cursor,
 * totals), bad paging is a 400 naming the field, and the grouped network counts every referral once.
 */
class PagedAnswersTest {

    private static final String DAY = "asOf=2014-03-01";
    private static TinyServer server;

    @BeforeAll
    static void start() throws Exception {
        server = TinyServer.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static JsonNode at(JsonNode answer, String dotted) {
        return answer.at("/" + dotted.replace('.', '/'));
    }

    @Test
    void everyPagedListWalksPageByPageToItsTotal() throws Exception {
        for (String analysis : List.of("gaps", "bottlenecks", "points-of-failure")) {
            JsonNode first = server.json("/api/analysis/" + analysis + "?" + DAY);
            JsonNode pages = first.get("pages");
            assertTrue(pages.size() > 0, analysis);
            for (JsonNode about : pages) {
                String name = about.get("list").asText();
                int total = about.get("total").asInt();
                assertEquals(Math.min(total, ListPages.DEFAULT_LIMIT), at(first, about.get("path").asText()).size(),
                        analysis + " " + name);
                List<String> rows = new ArrayList<>();
                String cursor = null;
                do {
                    JsonNode page = server.json("/api/analysis/" + analysis + "?" + DAY + "&limit=1"
                            + (cursor == null ? "" : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8)));
                    JsonNode info = ListPagesTest.pageOf(page, name);
                    assertEquals(total, info.get("total").asInt(), analysis + " " + name);
                    assertEquals(info.get("total").asInt() - info.get("returned").asInt(), info.get("leftOut").asInt());
                    at(page, info.get("path").asText()).forEach(row -> rows.add(row.toString()));
                    cursor = info.get("next").isNull() ? null : info.get("next").asText();
                } while (cursor != null);
                assertEquals(total, rows.size(), analysis + " " + name);
                if (total <= ListPages.DEFAULT_LIMIT) {
                    List<String> whole = new ArrayList<>();
                    at(first, about.get("path").asText()).forEach(row -> whole.add(row.toString()));
                    assertEquals(whole, rows, analysis + " " + name + ": one row a page gives the same rows in order");
                }
            }
        }
    }

    @Test
    void theGapsPageTotalsAddUp() throws Exception {
        JsonNode gaps = server.json("/api/analysis/gaps?" + DAY + "&limit=1000");
        JsonNode conflicts = gaps.at("/exclusionConflicts/conflicts");
        long unserved = 0;
        int unservedRows = 0;
        for (JsonNode c : conflicts) {
            if (c.get("status").asText().equals("unserved")) {
                unserved += c.get("cases").asLong();
                unservedRows++;
            }
        }
        assertEquals(unservedRows, ListPagesTest.pageOf(gaps, "unserved").at("/total").asInt());
        assertEquals(unserved, ListPagesTest.pageOf(gaps, "unserved").at("/sum/cases").asLong());
        assertEquals(conflicts.size(), ListPagesTest.pageOf(gaps, "conflicts").at("/total").asInt());
    }

    @Test
    void aCursorIsForItsOwnAnswer() throws Exception {
        JsonNode page = server.json("/api/analysis/bottlenecks?" + DAY + "&limit=1");
        String next = ListPagesTest.pageOf(page, "nodes").path("next").asText();
        assertNotEquals("", next, "the tiny bundle has more than one node");
        HttpResponse<String> elsewhere = server.get("/api/analysis/gaps?" + DAY + "&cursor=" + next);
        assertEquals(400, elsewhere.statusCode());
        assertEquals("cursor", TinyServer.read(elsewhere.body()).get("parameter").asText());
        assertTrue(elsewhere.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
    }

    @Test
    void badPagingIsA400NamingTheField() throws Exception {
        Map<String, String> bad = new HashMap<>();
        bad.put("limit=0", "limit");
        bad.put("limit=1001", "limit");
        bad.put("limit=many", "limit");
        bad.put("cursor=not-one-of-ours", "cursor");
        bad.put("cursor=%25%25", "cursor");
        for (String analysis : List.of("gaps", "bottlenecks", "points-of-failure")) {
            for (var each : bad.entrySet()) {
                HttpResponse<String> response = server.get("/api/analysis/" + analysis + "?" + DAY + "&" + each.getKey());
                assertEquals(400, response.statusCode(), analysis + " " + each.getKey());
                JsonNode problem = TinyServer.read(response.body());
                assertEquals(each.getValue(), problem.get("parameter").asText(), analysis + " " + each.getKey());
                assertTrue(problem.get("detail").asText().contains(each.getValue()));
            }
        }
        assertEquals("level", TinyServer.read(server.get("/api/network?level=county").body()).get("parameter").asText());
        assertEquals("region", TinyServer.read(server.get("/api/network?level=borough&region=Atlantis").body()).get("parameter").asText());
        assertEquals("region", TinyServer.read(server.get("/api/network?level=borough").body()).get("parameter").asText());
    }

    /** Every referral of the node-level network is counted once: within a group or on one edge between two. */
    @Test
    void theGroupedNetworkSumsToTheNodeLevelTotals() throws Exception {
        JsonNode nodes = server.json("/api/network?" + DAY);
        long referrals = 0;
        for (JsonNode e : nodes.at("/elements/edges")) {
            referrals += e.at("/data/referrals").asLong();
        }
        assertTrue(referrals > 0);
        String region = null;
        String borough = null;
        for (String query : new String[] {"level=region", "level=borough&region=", "level=organisation&borough="}) {
            String path = "/api/network?" + DAY + "&" + query
                    + (query.endsWith("region=") ? URLEncoder.encode(region, StandardCharsets.UTF_8) : "")
                    + (query.endsWith("borough=") ? borough : "");
            JsonNode grouped = server.json(path);
            assertEquals(nodes.get("nodeCount").asInt(), grouped.get("nodeCount").asInt(), path);
            assertEquals(referrals, grouped.get("referrals").asLong(), path);
            long within = 0;
            long out = 0;
            long in = 0;
            int members = 0;
            for (JsonNode g : grouped.get("groups")) {
                within += g.get("referralsWithin").asLong();
                out += g.get("referralsOut").asLong();
                in += g.get("referralsIn").asLong();
                members += g.get("nodes").asInt();
                if (g.get("kind").asText().equals("region") && g.path("drill").path("level").asText().equals("borough")) {
                    region = g.get("region").asText();
                }
                if (g.get("kind").asText().equals("borough") && !g.get("boroughId").isNull()) {
                    borough = g.get("boroughId").asText();
                }
            }
            long between = 0;
            for (JsonNode e : grouped.get("edges")) {
                between += e.get("referrals").asLong();
                assertNotEquals(e.get("source").asText(), e.get("target").asText(), path + ": no edge from a group to itself");
            }
            assertEquals(nodes.get("nodeCount").asInt(), members, path + ": every node in one group");
            assertEquals(referrals, within + between, path + ": every referral counted once");
            assertEquals(between, out, path);
            assertEquals(between, in, path);
        }
        assertEquals("Inner London", region);
    }

    @Test
    void autoDrawsEveryNodeOfASmallNetwork() throws Exception {
        JsonNode auto = server.json("/api/network?" + DAY + "&level=auto");
        assertEquals("node", auto.get("level").asText());
        assertEquals(server.json("/api/network?" + DAY).get("nodeCount"), auto.get("nodeCount"));
    }
}
