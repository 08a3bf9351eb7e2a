package bridgemap.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/** The timeline: uPlot charts with the same data as a table, and a year slider that replays the coverage map. */
class TimelineTest extends BrowserHarness {

    @Test
    void theChartsDrawAndTheTableHasOneRowPerYearFrom1993() {
        open("/timeline.html");
        waitFor("#cover-chart[data-ready='true']", 30);
        assertTrue(findAll("#cover-chart canvas").size() > 0, "a uPlot canvas");
        assertTrue(findAll("#funding-chart canvas").size() > 0, "a second uPlot canvas");
        long years = ((Number) ((org.openqa.selenium.JavascriptExecutor) driver).executeAsyncScript(
                "const done = arguments[0]; fetch('/api/timeline').then(r => r.json()).then(t => done(t.years.length));")).longValue();
        List<WebElement> rows = findAll("#timeline-table tbody tr");
        assertEquals(years, rows.size());
        assertTrue(rows.get(0).getText().startsWith("30 June 1993 1 1 1.0 2 £18,320"), rows.get(0).getText());
        assertTrue(text("#data-stops").contains("The data stops on 31 March 2027"), text("#data-stops"));
        // Issue 14 item 8: the timeline now ends at the data's end by default (it ran on to 30 June 2016, marked).
        assertTrue(text("#data-stops").contains("The timeline ends there."), text("#data-stops"));
        assertTrue(!text("#timeline-table").contains("after the data ends"), text("#timeline-table"));
        // Issue 15: the demo runs to 2026. The timeline's history has no catchments, so Kensington and Chelsea (served only
        // by Hammersmith court in 2026) is not counted there, though the coverage map counts all 33.
        assertTrue(text("#cover-chart-summary").contains("to 32 boroughs and 142 posts (142.0 FTE) on 30 June 2026"),
                text("#cover-chart-summary"));
        waitForText("#year-sentence", "On 30 June 2014: 22 boroughs with some cover, 46 posts", 30);
        scrollTo("#charts-heading");
        screenshot("timeline");
        assertNoConsoleErrors();
    }

    @Test
    void theSliderReplaysTheCoverageMapFor2004() {
        open("/timeline.html?kind=magistrates_court");
        WebElement slider = waitFor("#year", 30);
        assertEquals("range", slider.getDomAttribute("type"));
        assertTrue(text("#year-hint").startsWith("30 June each year, 1993 to "), text("#year-hint"));
        waitFor("#replay-summary[data-as-of='2014-06-30']", 30);
        Map<String, String> in2014 = mapStatuses();
        assertEquals(statusesFromApi("2014-06-30", "magistrates_court"), in2014);
        js("arguments[0].focus()", slider);
        new Actions(driver).sendKeys(Keys.HOME).perform();
        waitForText("#year-sentence", "On 30 June 1993: 1 borough with some cover, 1 post", 10);
        for (int i = 0; i < 11; i++) {
            new Actions(driver).sendKeys(Keys.ARROW_RIGHT).perform();
        }
        assertEquals("30 June 2004", slider.getDomAttribute("aria-valuetext"));
        String sentence = waitForText("#year-sentence", "On 30 June 2004: 8 boroughs with some cover, 12 posts (12.0 FTE)", 10);
        assertTrue(sentence.contains("10 funders paying £402,570"), sentence);
        waitFor("#replay-summary[data-as-of='2004-06-30']", 30);
        assertTrue(text("#replay-summary").startsWith("Magistrates' court on 30 June 2004"), text("#replay-summary"));
        assertTrue(driver.getCurrentUrl().contains("asOf=2004-06-30"), driver.getCurrentUrl());
        assertEquals(33, findAll("#map .bm-tile").size());
        Map<String, String> in2004 = mapStatuses();
        assertEquals(statusesFromApi("2004-06-30", "magistrates_court"), in2004, "the map is the coverage analysis of 2004");
        assertNotEquals(in2014, in2004, "the slider changed the map");
        String covered = (String) js("return [...document.querySelectorAll('#map [data-status]')]"
                + ".filter(t => t.dataset.status !== 'hole' && t.dataset.status !== 'none').map(t => t.getAttribute('aria-label')).join('; ')");
        assertTrue(covered.contains("Tower Hamlets"), covered);
        String kind = find("#replay-kind").getDomProperty("value");
        assertEquals("magistrates_court", kind);
        scrollTo("#replay-heading");
        screenshot("timeline-replay-2004");
        assertNoConsoleErrors();
    }

    @Test
    void theTimelineFitsANarrowScreen() {
        try {
            resize(375, 800);
            open("/timeline.html");
            waitFor("#cover-chart[data-ready='true']", 30);
            waitFor("#replay-summary", 30);
            long overflow = ((Number) js("return document.documentElement.scrollWidth - document.documentElement.clientWidth")).longValue();
            assertTrue(overflow <= 0, "page scrolls sideways by " + overflow + " px");
            long chart = ((Number) js("return document.querySelector('#cover-chart canvas').getBoundingClientRect().right")).longValue();
            assertTrue(chart <= 375, "the chart fits the screen: its right edge is at " + chart);
            scrollTo("#charts-heading");
            screenshot("timeline-narrow");
            assertNoConsoleErrors();
        } finally {
            resize(1280, 800);
        }
    }

    /** Issue 14: years beyond the data, asked for, are marked; their posts' funding is "not recorded", never £0. */
    @Test
    void yearsBeyondTheDataAreMarkedAndTheirFundingNotRecorded_issue14() {
        open("/timeline.html?until=2028-12-31");
        waitFor("#cover-chart[data-ready='true']", 30);
        assertTrue(text("#data-stops").contains("You asked for years up to 31 December 2028"), text("#data-stops"));
        assertTableIsTheApi("/api/timeline?until=2028-12-31");
        String y2016 = findAll("#timeline-table tbody tr").stream().map(WebElement::getText)
                .filter(t -> t.startsWith("30 June 2028")).findFirst().orElseThrow();
        assertTrue(y2016.startsWith("30 June 2028 (after the data ends)"), y2016);
        assertTrue(y2016.contains("Not recorded"), y2016);
        assertTrue(!y2016.contains("£0"), y2016);
        assertNoConsoleErrors();
    }

    /** Issue 14: financial years, headed "2013/14", the same years as the API and the command line. */
    @Test
    void financialYearsAreHeadedLikeTheApi_issue14() {
        open("/timeline.html?years=financial");
        waitFor("#cover-chart[data-ready='true']", 30);
        assertTrue(text("#charts-heading").startsWith("Cover and funding by financial year, 1993/94 to 2026/27"),
                text("#charts-heading"));
        assertTableIsTheApi("/api/timeline?years=financial");
        assertTrue(findAll("#timeline-table tbody tr").get(0).getText().startsWith("1993/94 (31 March 1994)"));
        assertTrue(text("#year-hint").startsWith("The end of each financial year (31 March), 1993/94 to 2026/27"),
                text("#year-hint"));
        waitFor("#replay-summary", 30);
        assertEquals("2013/14", text("#year-label"), "the slider starts at the year of the latest referral");
        assertNoConsoleErrors();
    }

    /** Each table row shows the API's year: its heading, posts and funding as the API gives them. */
    private static void assertTableIsTheApi(String path) {
        var timeline = api(path, null);
        var years = timeline.get("years");
        boolean financial = "financial".equals(timeline.get("yearsBy").asText());
        List<WebElement> rows = findAll("#timeline-table tbody tr");
        assertEquals(years.size(), rows.size());
        for (int i = 0; i < rows.size(); i++) {
            var y = years.get(i);
            List<WebElement> cells = rows.get(i).findElements(org.openqa.selenium.By.cssSelector("td, th"));
            String first = cells.get(0).getText();
            assertTrue(!financial || first.startsWith(y.get("label").asText()), first);
            assertEquals(y.get("afterData").asBoolean(), first.contains("(after the data ends)"), first);
            assertEquals(String.format("%,d", y.get("posts").asInt()), cells.get(2).getText(), first);
            boolean notRecorded = y.get("postsFundingNotRecorded").asInt() > 0;
            assertEquals(notRecorded, cells.get(5).getText().contains("not recorded") || cells.get(5).getText().equals("Not recorded"),
                    first + ": " + cells.get(5).getText());
        }
    }

    private static Map<String, String> statusesFromApi(String asOf, String kind) {
        Map<String, String> out = new TreeMap<>();
        api("/api/analysis/coverage?asOf=" + asOf, null).get("cells").forEach(c -> {
            if (kind.equals(c.get("kind").asText())) {
                out.put(c.get("boroughId").asText(), c.get("status").asText());
            }
        });
        return out;
    }
}
