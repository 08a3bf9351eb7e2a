package bridgemap.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * Issue 5's done-means, from the page: withdraw NHS England in 2014 and see which court and custody cover
 * disappears, then ask the planner for the best 3 new posts and see the gain of each; save, list, re-run and
 * delete a scenario (open server: no tokens); a bad change is named beside it.
 */
class PlannerTest extends BrowserHarness {

    private static final String KINGSTON = "E09000021";
    private static final String HARINGEY = "E09000014";

    @Test
    void withdrawingNhsEnglandIn2014ShowsTheCourtAndCustodyCoverThatDisappears() {
        open("/");
        find("#example-planner").click();
        waitForPage();
        assertTrue(driver.getCurrentUrl().contains("withdraw=fund-nhse"), driver.getCurrentUrl());
        String coverage = waitForText("#differences-coverage", "Haringey Crown Court loses all 4 practitioners", 90);
        assertTrue(coverage.contains("Kingston upon Thames police custody loses its only FMHP"), coverage);
        assertEquals("NHS England withdraws its funding", text("#change-list li .bm-change__text"));
        assertTrue(text("#effects").contains("NHS England withdraws: 26 posts lose funding, 24 of them end"), text("#effects"));
        assertTrue(text("#whatif-heading").contains("NHS England withdraws its funding"));
        assertTrue(text("#whatif-result").contains("as it stood on 30 June 2014"));

        WebElement boroughs = find("#headline-table tr[data-key='boroughsWithCover']");
        assertEquals("Boroughs with some cover 22 19 −3", boroughs.getText());

        assertEquals("police_custody", find("#compare-kind").getDomProperty("value"));
        assertEquals("fragile", find("#map-before [data-borough='" + KINGSTON + "']").getDomAttribute("data-status"));
        assertEquals("hole", find("#map-after [data-borough='" + KINGSTON + "']").getDomAttribute("data-status"));
        assertEquals("Kingston upon Thames: no cover (was fragile)",
                find("#map-after [data-borough='" + KINGSTON + "']").getDomAttribute("aria-label"));
        find("#map-after [data-borough='" + KINGSTON + "']").click();
        assertTrue(text("#compare-detail").contains("Before Fragile"), text("#compare-detail"));
        choose("#compare-kind", "crown_court");
        assertEquals("hole", find("#map-after [data-borough='" + HARINGEY + "']").getDomAttribute("data-status"));
        assertEquals("fragile", find("#map-before [data-borough='" + HARINGEY + "']").getDomAttribute("data-status"));
        assertTrue(text("#compare-summary").contains("Haringey (fragile → no cover)"), text("#compare-summary"));
        choose("#compare-kind", "police_custody");
        scrollTo("#compare-heading");
        screenshot("planner-whatif-maps");
        scrollTo("#whatif-heading");
        screenshot("planner-whatif");
        assertNoConsoleErrors();
    }

    @Test
    void theExpansionPlannerShowsThreePicksWithTheGainOfEach() {
        open("/planner.html?asOf=2014-06-30");
        assertEquals("3", find("#plan-posts").getDomProperty("value"));
        find("#plan-run").click();
        waitFor("#picks-table", 60);
        List<WebElement> rows = findAll("#picks-table tbody tr");
        assertEquals(3, rows.size());
        assertEquals("1 Merton Magistrates' court Wimbledon Magistrates' Court 42 42 12.3%", rows.get(0).getText());
        assertEquals("2 Greenwich Magistrates' court Greenwich Magistrates' Court 40 82 24.0%", rows.get(1).getText());
        assertEquals("3 Wandsworth Magistrates' court Lavender Hill Magistrates' Court 37 119 34.9%", rows.get(2).getText());
        assertTrue(text("#plan-result").contains("341 people were seen"), text("#plan-result"));
        assertEquals(3, findAll("#plan-map [data-status='picked']").size());
        assertEquals("1", find("#plan-map [data-borough='E09000024'] .bm-tile__mark").getText());
        assertEquals("Merton: pick 1, magistrates' court, adds 42 people",
                find("#plan-map [data-borough='E09000024']").getDomAttribute("aria-label"));
        scrollTo("#plan-heading");
        screenshot("planner-plan");
        assertNoConsoleErrors();
    }

    @Test
    void aScenarioIsSavedListedRerunOnAnotherDayAndDeleted() throws Exception {
        String name = "browser-test-lpt";
        try {
            open("/planner.html?asOf=2014-06-30");
            choose("#change-type", "withdraw_funder");
            choose("#withdraw-funder", "fund-lpt");
            find("#add-change").click();
            choose("#change-type", "remove_practitioner");
            choose("#remove-practitioner", "fmhp-lam-05");
            find("#add-change").click();
            assertEquals(2, findAll("#change-list li").size());
            find("#change-list li:nth-child(2) .bm-link-button").click();
            assertEquals(1, findAll("#change-list li").size(), "a change can be removed");
            assertTrue(text("#change-list").contains("London Probation Trust (and its predecessors) withdraws its funding"));
            find("#scenario-name").sendKeys(name);
            find("#scenario-description").sendKeys("London Probation stops paying");
            find("#save-scenario").click();
            waitForText("#whatif-notice", "Saved as “" + name + "”", 90);
            String saved = waitForText("#saved-table", name, 30);
            assertTrue(saved.contains("London Probation stops paying"), saved);

            js("document.getElementById('rerun-asOf').value = '2013-06-30'");
            find("#saved-table button[data-action='run'][data-name='" + name + "']").click();
            waitForText("#whatif-heading", "on 30 June 2013", 90);
            assertTrue(text("#whatif-result").contains("as it stood on 30 June 2013"), text("#whatif-result"));
            assertTrue(text("#effects").contains("London Probation Trust (and its predecessors) withdraws"), text("#effects"));

            find("#saved-table button[data-action='delete'][data-name='" + name + "']").click();
            waitForText("#saved-notice", "Deleted “" + name + "”", 30);
            assertTrue(findAll("#saved-table").isEmpty() || !text("#saved-table").contains(name));
            assertNoConsoleErrors();
        } finally {
            HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url("/api/scenarios/" + name))).DELETE().build(),
                    HttpResponse.BodyHandlers.discarding());
        }
    }

    @Test
    void aChangeTheApiRefusesIsNamedInTheErrorSummaryAndBesideIt() {
        open("/planner.html?asOf=2014-06-30");
        find("#add-change").click();
        choose("#change-type", "add_post");
        choose("#post-borough", "E09000024");
        choose("#post-kind", "prison");
        find("#add-change").click();
        assertEquals("A new 1.0 FTE post in Merton prison, with no funder", text("#change-1 .bm-change__text"));
        find("#run-scenario").click();
        String summary = waitForText(".govuk-error-summary", "Change 2, settingKind: borough Merton has no prison", 60);
        assertTrue(summary.startsWith("There is a problem"), summary);
        assertEquals("#change-1", find(".govuk-error-summary__list a").getDomAttribute("href"));
        assertTrue(find("#change-1").getDomAttribute("class").contains("bm-change--error"));
        assertTrue(text("#change-1").contains("Change 2, settingKind: borough Merton has no prison"), text("#change-1"));
        assertFalse(find("#change-0").getDomAttribute("class") != null
                && find("#change-0").getDomAttribute("class").contains("bm-change--error"), "the good change is not marked");
        scrollTo("#changes");
        screenshot("planner-error");
        find(".govuk-error-summary__list a").click();
        assertEquals("change-1", driver.switchTo().activeElement().getDomAttribute("id"));
        assertTrue(text("#change-1").contains("Change 2, settingKind"), "following the link keeps the page as it was");
        assertNoConsoleErrorsExcept(message -> message.contains("status of 400"));
    }

    @Test
    void thePlannerIsUsableOnANarrowScreen() {
        try {
            resize(375, 800);
            open("/planner.html?asOf=2014-06-30");
            long overflow = ((Number) js("return document.documentElement.scrollWidth - document.documentElement.clientWidth")).longValue();
            assertTrue(overflow <= 0, "page scrolls sideways by " + overflow + " px");
            find("#plan-run").click();
            waitFor("#picks-table", 60);
            overflow = ((Number) js("return document.documentElement.scrollWidth - document.documentElement.clientWidth")).longValue();
            assertTrue(overflow <= 0, "page scrolls sideways by " + overflow + " px with the plan shown");
            scrollTo("#whatif");
            screenshot("planner-narrow");
            assertNoConsoleErrors();
        } finally {
            resize(1280, 800);
        }
    }
}
