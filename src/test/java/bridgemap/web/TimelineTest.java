package bridgemap.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
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
        assertTrue(text("#data-stops").contains("The data stops on 31 March 2015"), text("#data-stops"));
        assertTrue(text("#timeline-table").contains("30 June 2016 (after the data ends)"));
        assertTrue(text("#cover-chart-summary").contains("to 22 boroughs and 46 posts (45.4 FTE) on 30 June 2014"),
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
        String covered = (String) js("return [...document.querySelectorAll('#map [data-status]')]"
                + ".filter(t => t.dataset.status !== 'hole' && t.dataset.status !== 'none').map(t => t.getAttribute('aria-label')).join('; ')");
        assertTrue(covered.contains("Tower Hamlets"), covered);
        String kind = find("#replay-kind").getDomProperty("value");
        assertEquals("magistrates_court", kind);
        scrollTo("#replay-heading");
        screenshot("timeline-replay-2004");
        assertNoConsoleErrors();
    }
}
