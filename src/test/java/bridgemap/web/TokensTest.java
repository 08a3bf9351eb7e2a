package bridgemap.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bridgemap.privacy.Role;
import bridgemap.testing.TokenServer;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * Issue 6: the web view asks for a token when the API needs one, keeps it for the tab, sends it on every call,
 * shows a 403's reason plainly, and renders a researcher's suppressed counts ("*") in words.
 */
class TokensTest extends BrowserHarness {

    static TokenServer secured;
    static String viewer;
    static String researcher;
    static String analyst;

    @BeforeAll
    static void startServerWithTokens() {
        secured = TokenServer.start("tokens");
        viewer = secured.token(Role.VIEWER);
        researcher = secured.token(Role.RESEARCHER);
        analyst = secured.token(Role.ANALYST);
    }

    @AfterAll
    static void stopServerWithTokens() {
        if (secured != null) {
            secured.close();
        }
        secured = null;
    }

    private static boolean expectedRefusal(String message) {
        return message.contains("status of 401") || message.contains("status of 403");
    }

    @Test
    void thePageAsksForATokenAndShowsTheDataOnceItIsEntered() {
        openWithToken(secured, "/", null);
        waitFor("#token-prompt", 30);
        assertEquals("password", find("#api-token").getDomAttribute("type"));
        assertTrue(text("#token-prompt").contains("Enter your API token"));
        assertFalse(find("#content").isDisplayed() && !text("#content").isEmpty(), "no data before a token");
        screenshot("token-prompt");

        find("#api-token").sendKeys("bm_not-a-real-token");
        find("#token-continue").click();
        waitForText("#token-prompt", "That token is not recognised", 30);
        assertTrue(text(".govuk-error-summary").contains("That token is not recognised"));

        find("#api-token").sendKeys(viewer);
        find("#token-continue").click();
        waitFor("#headlines", 60);
        assertTrue(text("#content").contains("22 of 33"), text("#content"));
        assertTrue(findAll("#token-prompt").isEmpty());
        assertEquals(viewer, js("return sessionStorage.getItem('bridgemap.token')"));

        find("a[data-nav='/coverage.html']").click();
        waitForPage();
        assertEquals(33, findAll("#map .bm-tile").size(), "the token is sent from the next page too");

        find("#sign-out").click();
        waitFor("#token-prompt", 30);
        assertEquals(null, js("return sessionStorage.getItem('bridgemap.token')"));
        assertTrue(findAll("#sign-out").isEmpty());
        assertNoConsoleErrorsExcept(TokensTest::expectedRefusal);
    }

    @Test
    void aResearcherSeesSmallCountsInWordsAndNoBrokenNumbers() {
        openWithToken(secured, "/gaps.html?asOf=2014-06-30&borough=E09000022", researcher);
        waitFor("#dead-ends-hand-off", 60);
        String gaps = text("#content");
        assertTrue(gaps.contains("fewer than 8"), gaps);
        assertFalse(gaps.contains("NaN") || gaps.contains("undefined"), gaps);
        assertTrue(gaps.contains("not shown (fewer than 8 people)"), "a suppressed rate is said in words");
        assertTrue(text("#dead-ends-hand-off").contains("Criminal justice → health fewer than 8 fewer than 8 not shown (fewer than 8 people)"),
                text("#dead-ends-hand-off"));
        scrollTo("#hand-offs");
        screenshot("researcher-gaps");

        for (String path : new String[] {"/?asOf=2014-06-30", "/bottlenecks.html?asOf=2014-06-30&borough=E09000022",
                "/coverage.html?asOf=2014-06-30", "/timeline.html", "/network.html?asOf=2014-06-30&borough=E09000022&node=fmhp-lam-05"}) {
            openWithToken(secured, path, researcher);
            if (path.startsWith("/network")) {
                waitFor("#graph[data-ready='true']", 60);
                waitFor("#node-name", 30);
            }
            String page = text("#content");
            assertFalse(page.contains("NaN") || page.contains("undefined") || page.contains("Infinity"), path + ": " + page);
            assertTrue(findAll(".govuk-error-summary").isEmpty(), path + " shows no error");
        }
        assertTrue(text("#node-panel").contains("fewer than 8"), text("#node-panel"));
        assertNoConsoleErrors();
    }

    @Test
    void anAnalystEntersATokenOnThePlannerThenPlansButMayNotSave() {
        openWithToken(secured, "/planner.html?asOf=2014-06-30", null);
        waitFor("#token-prompt", 30);
        assertTrue(findAll("#plan-run").isEmpty(), "no planner before a token");
        find("#api-token").sendKeys(analyst, Keys.ENTER);
        waitFor("#plan-run", 60).click();
        waitFor("#picks-table", 60);
        JsonNode plan = api("/api/plans", "{\"posts\": 3, \"asOf\": \"2014-06-30\"}");
        List<String> gains = new ArrayList<>();
        plan.get("picks").forEach(p -> gains.add(p.get("boroughName").asText() + " " + String.format(java.util.Locale.UK, "%,d", p.get("gain").asInt())));
        List<String> shown = findAll("#picks-table tbody tr").stream().map(row -> {
            List<WebElement> cells = row.findElements(By.cssSelector("th, td"));
            return cells.get(1).getText() + " " + cells.get(4).getText();
        }).toList();
        assertEquals(gains, shown, "the plan the secured server gave the page with the analyst's token");
        waiting().until(d -> !findAll("#saved-table").isEmpty() || !findAll("#saved-problem").isEmpty()
                || text("#saved-list").contains("No scenarios are saved yet"));
        assertTrue(findAll("#saved-problem").isEmpty(), "an analyst may list saved scenarios");

        find("#add-change").click();
        find("#scenario-name").sendKeys("analyst-try");
        find("#save-scenario").click();
        String summary = waitForText(".govuk-error-summary", "Saving a scenario needs an admin token", 30);
        assertTrue(summary.contains("token whose role allows it"), summary);
        assertTrue(findAll("#token-prompt").isEmpty(), "a 403 does not ask for another token");
        assertEquals(analyst, js("return sessionStorage.getItem('bridgemap.token')"), "the token is kept after a 403");
        find("#run-scenario").click();
        waitFor("#effects", 60);
        assertTrue(findAll(".govuk-error-summary").isEmpty(), "running without saving is allowed");
        assertNoConsoleErrorsExcept(TokensTest::expectedRefusal);
    }

    @Test
    void aViewerWhoTriesToSaveAScenarioIsToldWhyNot() {
        openWithToken(secured, "/planner.html?asOf=2014-06-30", viewer);
        waitForText("#saved-problem", "The viewer role may not GET /api/scenarios.", 30);
        find("#add-change").click();
        find("#scenario-name").sendKeys("viewer-try");
        find("#save-scenario").click();
        String summary = waitForText(".govuk-error-summary", "The viewer role may not POST /api/scenarios.", 30);
        assertTrue(summary.startsWith("There is a problem"), summary);
        assertTrue(findAll("#token-prompt").isEmpty(), "a 403 does not ask for another token");
        screenshot("viewer-403");
        assertNoConsoleErrorsExcept(TokensTest::expectedRefusal);
    }
}
