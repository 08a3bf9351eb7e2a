package bridgemap.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * Issue 17, item 2: the Network page drills down region → borough → organisation → a borough's own network, and the
 * long tables page through rows with the API's cursors (on the London demo).
 */
class PagesForPeopleTest extends BrowserHarness {

    /** The {@code pages} entry of one list of an answer. */
    private static JsonNode pageOf(JsonNode answer, String list) {
        for (JsonNode each : answer.get("pages")) {
            if (each.get("list").asText().equals(list)) {
                return each;
            }
        }
        throw new AssertionError("no page of " + list);
    }

    private static void graphReady() {
        waiting().until(d -> "true".equals(find("#graph").getDomAttribute("data-ready")));
    }

    @Test
    void theNetworkPageDrillsDownFromRegionsToABoroughsOwnNetwork() {
        open("/network.html?asOf=2014-06-30&level=region");
        graphReady();
        assertEquals("region", find("#graph").getDomAttribute("data-level"));
        JsonNode regions = api("/api/network?asOf=2014-06-30&level=region", null);
        long drawn = (Long) js("return window.bridgemapGraph.nodes().length");
        assertEquals(regions.get("groups").size(), drawn, "one circle per region group");

        find("#group-table a[data-group='region:Inner London']").click();
        waitForText("#graph-heading", "Boroughs", 30);
        graphReady();
        assertEquals("borough", find("#graph").getDomAttribute("data-level"));
        assertTrue(driver.getCurrentUrl().contains("level=borough"), driver.getCurrentUrl());
        assertTrue(text("#breadcrumbs").contains("Inner London"));

        find("#group-table a[data-group='borough:E09000022']").click();
        waitForText("#graph-heading", "Organisations", 30);
        graphReady();
        assertTrue(text("#breadcrumbs").contains("Lambeth"), text("#breadcrumbs"));
        JsonNode organisations = api("/api/network?asOf=2014-06-30&level=organisation&borough=E09000022", null);
        String organisation = null;
        for (JsonNode g : organisations.get("groups")) {
            if (g.get("kind").asText().equals("organisation")) {
                organisation = g.get("id").asText();
                break;
            }
        }
        find("#group-table a[data-group='" + organisation + "']").click();
        waitFor("#node-table", 30);
        graphReady();
        assertTrue(driver.getCurrentUrl().contains("borough=E09000022"), driver.getCurrentUrl());
        assertTrue(text("#graph-heading").contains("Lambeth"), text("#graph-heading"));

        driver.navigate().back();
        waitForText("#graph-heading", "Organisations", 30);
        find("#breadcrumbs a[data-level='region']").click();
        waitForText("#graph-heading", "Regions", 30);
        assertNoConsoleErrors();
    }

    @Test
    void theDemoNetworkIsSmallEnoughToDrawEveryNodeAndSaysSo() {
        open("/network.html?asOf=2014-06-30");
        graphReady();
        assertTrue(text("#level-note").contains("Every node is drawn"), text("#level-note"));
        assertEquals(317L, js("return window.bridgemapGraph.nodes().length"));
        assertNoConsoleErrors();
    }

    @Test
    void theGapsTablePagesThroughRowsWithTheCursor() {
        open("/gaps.html?asOf=2014-06-30");
        waitFor("#stools-table", 30);
        JsonNode gaps = api("/api/analysis/gaps?asOf=2014-06-30&limit=25", null);
        int total = pageOf(gaps, "betweenTwoStools").path("total").asInt();
        assertTrue(total > 25, "the demo has more than a page of need combinations: " + total);
        assertEquals(25, findAll("#stools-table tbody tr").size());
        assertTrue(text("#stools-table-pages").contains("Rows 1 to 25 of " + total), text("#stools-table-pages"));
        String first = text("#stools-table tbody tr:first-child");

        find("#stools-table-pages button[data-page='next']").click();
        waitForText("#stools-table-pages", "Rows 26 to 50 of " + total, 30);
        JsonNode second = api("/api/analysis/gaps?asOf=2014-06-30&limit=25&cursor="
                + pageOf(gaps, "betweenTwoStools").path("next").asText(), null);
        assertEquals(second.at("/exclusionConflicts/betweenTwoStools/0/boroughName").asText(),
                text("#stools-table tbody tr:first-child th"), "the second page's first row");
        assertNotEquals(first, text("#stools-table tbody tr:first-child"));
        assertEquals(25, findAll("#unserved-table tbody tr").size(), "the other tables stay on their page");

        find("#stools-table-pages button[data-page='previous']").click();
        waitForText("#stools-table-pages", "Rows 1 to 25 of " + total, 30);
        assertEquals(first, text("#stools-table tbody tr:first-child"));
        assertNoConsoleErrors();
    }

    @Test
    void theBottlenecksMeasuresPageThroughEveryNode() {
        open("/bottlenecks.html?asOf=2014-06-30");
        waitFor("#measures-table", 30);
        assertTrue(text("#measures-table-pages").contains("Rows 1 to 25 of 317"), text("#measures-table-pages"));
        find("#measures-table-pages button[data-page='next']").click();
        waitForText("#measures-table-pages", "Rows 26 to 50 of 317", 30);
        assertEquals(25, findAll("#measures-table tbody tr").size());
        assertNoConsoleErrors();
    }
}
