package bridgemap.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Issue 15: the Overview asks about Liaison and Diversion cover, and the coverage map replays the rollout. */
class LiaisonAndDiversionPagesTest extends BrowserHarness {

    @Test
    void theOverviewAnswersWhetherEveryCourtAndCustodySuiteHasLiaisonAndDiversionCover_issue15() {
        open("/");
        String today = waitForText("#liaison-diversion-answer", "police custody suites and courts", 30);
        assertTrue(today.strip().startsWith("Yes: on "), today);
        assertTrue(today.contains("every one of the 73 police custody suites and courts had a practitioner placed"), today);
        assertTrue(text("#example-liaison-diversion a").equals("Does every court and custody suite have Liaison and Diversion cover?"));

        open("/?asOf=2014-06-30");
        String in2014 = waitForText("#liaison-diversion-answer", "30 June 2014", 30);
        assertTrue(in2014.contains("No: on 30 June 2014 17 of the 73 police custody suites and courts had a practitioner placed; 56 had nobody."),
                in2014);
        assertEquals("/coverage.html?asOf=2014-06-30&kind=police_custody",
                find("#example-liaison-diversion a").getDomAttribute("href"));
        assertNoConsoleErrors();
    }

    @Test
    void playStepsTheCoverageMapThroughTheYearsAndPauses_issue15() {
        open("/coverage.html?asOf=2014-06-30");
        waitFor("#replay-play", 30);
        assertTrue(text("#replay-hint").contains("30 June 2014 to 30 June 2026"), text("#replay-hint"));
        assertEquals("Showing 30 June 2014, year 1 of 13.", text("#replay-year"));
        Map<String, String> in2014 = mapStatuses();

        find("#replay-play").click();
        assertEquals("Pause", find("#replay-play").getText());
        waitFor("#replay-year[data-as-of='2016-06-30']", 30);
        find("#replay-play").click();
        assertEquals("Play the years", waitForText("#replay-play", "Play the years", 10));
        // a year asked for just before the pause may still be drawing: wait until the page shows the URL's day
        waiting().until(d -> {
            try {
                var year = d.findElements(org.openqa.selenium.By.cssSelector("#replay-year"));
                return !year.isEmpty() && d.getCurrentUrl().contains("asOf=" + year.get(0).getDomAttribute("data-as-of"));
            } catch (org.openqa.selenium.StaleElementReferenceException redrawn) {
                return false;
            }
        });
        String shown = find("#replay-year").getDomAttribute("data-as-of");
        assertTrue(shown.compareTo("2016-06-30") >= 0 && shown.compareTo("2018-06-30") <= 0, shown);
        waitFor("#map-heading", 10);
        assertTrue(text("#map-heading").contains(longDate(shown)), text("#map-heading"));
        assertEquals(statusesFromApi(shown), mapStatuses(), "the map is the coverage analysis of the year shown");
        assertNotEquals(in2014, mapStatuses(), "the replay changed the map");
        assertTrue(driver.getCurrentUrl().contains("asOf=" + shown), driver.getCurrentUrl());
        assertNoConsoleErrors();
    }

    @Test
    void theReplayStopsAtTheLastYearWithEveryCustodySuiteCovered_issue15() {
        open("/coverage.html?asOf=2025-06-30&kind=police_custody");
        waitFor("#replay-play", 30).click();
        waitFor("#replay-year[data-as-of='2026-06-30']", 30);
        assertEquals("Play the years", waitForText("#replay-play", "Play the years", 10), "it stops at the last year");
        assertEquals("Showing 30 June 2026, year 13 of 13.", text("#replay-year"));
        assertEquals("None", text("#boroughs-hole"), "no borough without custody cover");
        screenshot("coverage-replay-2026");
        assertNoConsoleErrors();
    }

    private static String longDate(String iso) {
        String[] months = {"January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
                "November", "December"};
        String[] p = iso.split("-");
        return Integer.parseInt(p[2]) + " " + months[Integer.parseInt(p[1]) - 1] + " " + p[0];
    }

    private static Map<String, String> statusesFromApi(String asOf) {
        Map<String, String> out = new TreeMap<>();
        api("/api/analysis/coverage?asOf=" + asOf, null).get("cells").forEach(c -> {
            if ("police_custody".equals(c.get("kind").asText())) {
                out.put(c.get("boroughId").asText(), c.get("status").asText());
            }
        });
        return out;
    }
}
