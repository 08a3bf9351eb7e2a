package bridgemap.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/** Every page loads on the London demo without console errors and shows real content; a screenshot of each. */
class WebPagesTest extends BrowserHarness {

    @Test
    void overviewShowsThe2014HeadlinesAgainstAYearBefore() {
        open("/");
        waiting().until(d -> !findAll("#headlines").isEmpty());
        String page = text("#content");
        assertTrue(page.contains("On 30 June 2014"), page);
        assertTrue(page.contains("22 of 33"), page);
        assertTrue(page.contains("up 5 from 17 a year before"), page);
        assertTrue(page.contains("£2,042,910"), page);
        assertTrue(page.contains("327 people"), page);
        assertTrue(page.contains("66.3% v 42.4%"), page);
        assertEquals("2014-06-30", find("#asOf").getDomProperty("value"));
        assertEquals("1993-06-01", find("#asOf").getDomAttribute("min"), "the data's first day, from /api/vocabulary");
        assertTrue(text("#asOf-hint").contains("the latest referral is on 30 June 2014"), text("#asOf-hint"));
        assertTrue(find("#example-planner").getDomAttribute("href").equals("/planner.html?withdraw=fund-nhse&asOf=2014-06-30"));
        assertEquals(8, findAll(".govuk-service-navigation__item").size());
        assertTrue(find("body").getDomAttribute("class").contains("govuk-frontend-supported"));
        screenshot("overview");
        assertNoConsoleErrors();
    }

    @Test
    void coverageMapHasATileForEachOf33BoroughsAndATableOfTheSame() {
        open("/coverage.html");
        List<WebElement> tiles = findAll("#map .bm-tile");
        assertEquals(33, tiles.size());
        assertEquals(33, findAll("#cover-table tbody tr").size());
        assertTrue(text("#cover-table caption").startsWith("Police custody cover by borough on 30 June 2014"));
        assertTrue(text("#map-heading").contains("Police custody cover on 30 June 2014"));
        assertTrue(findAll("#uncovered-table tbody tr").size() > 0, "courts and custody suites with nobody placed");
        assertTrue(text("#funder-table").contains("NHS England"), "if one funder withdrew");
        scrollTo("#map-heading");
        screenshot("coverage");
        assertNoConsoleErrors();
    }

    @Test
    void networkDrawsTheGraphAndListsItsNodes() {
        open("/network.html?node=fmhp-lam-05");
        waiting().until(d -> "true".equals(find("#graph").getDomAttribute("data-ready")));
        waiting().until(d -> !findAll("#node-name").isEmpty());
        assertTrue(text("#graph-heading").contains("London"));
        assertTrue(text("#content").contains("317 organisations, services and practitioners, joined by 777 referral links"));
        assertEquals("fmhp-lam-05 at Lambeth probation office", text("#node-name"));
        assertTrue(text("#node-panel").contains("Lambeth probation office"), "referred by");
        assertTrue(text("#node-panel").contains("National Probation Service"), "funding: London Probation Trust's successor from 1 June 2014 (issue 15)");
        assertEquals(20, findAll("#node-table tbody tr").size());
        scrollTo("#graph-heading");
        screenshot("network");
        assertNoConsoleErrors();
    }

    @Test
    void theNetworkDownloadsAsGraphmlForGephi() throws Exception {
        open("/network.html?asOf=2014-06-30");
        waiting().until(d -> "true".equals(find("#graph").getDomAttribute("data-ready")));
        scrollTo("#downloads");
        find("#downloads button[data-format='graphml']").click();
        waitForText("#download-status", "Downloaded bridgemap-2014-06-30.graphml", 60);
        java.nio.file.Path file = downloads.resolve("bridgemap-2014-06-30.graphml");
        waiting().until(d -> java.nio.file.Files.exists(file));
        String graphml = java.nio.file.Files.readString(file);
        assertEquals(317, graphml.split("<node ", -1).length - 1, "the nodes the page draws");
        assertEquals(777, graphml.split("<edge ", -1).length - 1, "the links the page draws");
        assertTrue(graphml.contains("attr.name=\"betweenness\""), "measures travel as attributes");
        assertNoConsoleErrors();
    }

    @Test
    void clickingANodeInTheGraphOpensItsDetails() {
        open("/network.html?borough=E09000022");
        waiting().until(d -> "true".equals(find("#graph").getDomAttribute("data-ready")));
        scrollTo("#graph");
        @SuppressWarnings("unchecked")
        List<Object> target = (List<Object>) js("const cy = window.bridgemapGraph;"
                + "const n = cy.nodes().max(x => x.data('betweenness')).ele;"
                + "const p = n.renderedPosition(); return [n.data('label'), p.x, p.y];");
        String label = (String) target.get(0);
        WebElement graph = find("#graph");
        int x = (int) Math.round(((Number) target.get(1)).doubleValue() - graph.getRect().getWidth() / 2.0);
        int y = (int) Math.round(((Number) target.get(2)).doubleValue() - graph.getRect().getHeight() / 2.0);
        new Actions(driver).moveToElement(graph, x, y).click().perform();
        waiting().until(d -> !findAll("#node-name").isEmpty() && label.equals(text("#node-name")));
        assertTrue(driver.getCurrentUrl().contains("node="), driver.getCurrentUrl());
        assertNoConsoleErrors();
    }

    @Test
    void gapsTablesHaveRowsAndSortByNumber() {
        open("/gaps.html");
        for (String table : List.of("#stools-table", "#unserved-table", "#dead-ends-hand-off", "#dead-ends-borough",
                "#dead-end-targets", "#hand-off-table", "#unreachable-table")) {
            assertTrue(findAll(table + " tbody tr").size() > 0, table + " has rows");
        }
        assertTrue(text("#content").contains("327 people were between two stools"));
        scrollTo("#stools");
        screenshot("gaps");
        WebElement people = find("#stools-table thead th:nth-child(3)");
        assertEquals("descending", people.getDomAttribute("aria-sort"));
        assertEquals("13", text("#stools-table tbody tr:first-child td:nth-child(3)"));
        // Issue 17: the table shows one page of rows (most people first) and sorting sorts that page.
        String fewest = text("#stools-table tbody tr:last-child td:nth-child(3)");
        people.findElement(org.openqa.selenium.By.tagName("button")).click();
        assertEquals("ascending", people.getDomAttribute("aria-sort"));
        assertEquals(fewest, text("#stools-table tbody tr:first-child td:nth-child(3)"));
        assertTrue(find("#stools-table a").getDomAttribute("href").startsWith("/network.html?node="));
        assertNoConsoleErrors();
    }

    @Test
    void bottlenecksShowTheBrokerCutRoutesAndMeasures() {
        open("/bottlenecks.html");
        assertTrue(text("#broker-cut-summary").contains("No broker cut separates criminal justice from health"));
        assertEquals(25, findAll("#measures-table tbody tr").size());
        assertTrue(findAll("#routes-table tbody tr").size() > 0);
        assertTrue(find("#measures-table a").getDomAttribute("href").startsWith("/network.html?node="));
        scrollTo("#broker-cut");
        screenshot("bottlenecks");
        assertNoConsoleErrors();
    }

    @Test
    void everyPageLinksToEveryOtherIncludingTimelineAndPlanner() {
        List<String> pages = List.of("/", "/coverage.html", "/network.html", "/gaps.html", "/bottlenecks.html", "/timeline.html",
                "/planner.html", "/research.html");
        List<String> names = List.of("Overview", "Coverage map", "Network", "Gaps", "Bottlenecks", "Timeline", "Planner", "Research");
        for (int i = 0; i < pages.size(); i++) {
            open(pages.get(i) + "?asOf=2014-06-30");
            assertEquals(names, texts(".govuk-service-navigation__link"), pages.get(i));
            assertEquals(names.get(i), text(".govuk-service-navigation__link[aria-current='page']"), pages.get(i));
            assertTrue(find("a[data-nav='/planner.html']").getDomAttribute("href").contains("asOf=2014-06-30"),
                    "the date is carried to the planner from " + pages.get(i));
            assertTrue(findAll(".govuk-error-summary").isEmpty(), pages.get(i));
        }
        find("a[data-nav='/timeline.html']").click();
        waitFor("#year", 30);
        assertTrue(driver.getTitle().startsWith("Change over time"), driver.getTitle());
        assertNoConsoleErrors();
    }
}
