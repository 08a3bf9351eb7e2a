package bridgemap.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/** Keyboard use, a narrow screen, problems and empty states. */
class KeyboardAndScreensTest extends BrowserHarness {

    private static WebElement active() {
        return driver.switchTo().activeElement();
    }

    @Test
    void tabReachesAMapTileWhoseDetailShowsAndArrowsMoveOn() {
        open("/coverage.html?asOf=2009-06-30&kind=magistrates_court");
        js("document.activeElement.blur(); window.scrollTo(0, 0)");
        for (int i = 0; i < 40 && !String.valueOf(active().getDomAttribute("class")).contains("bm-tile"); i++) {
            new Actions(driver).sendKeys(Keys.TAB).perform();
        }
        WebElement tile = active();
        assertTrue(String.valueOf(tile.getDomAttribute("class")).contains("bm-tile"), "Tab reaches the map");
        assertEquals("Enfield: no such setting", tile.getDomAttribute("aria-label"));
        assertEquals("Enfield: magistrates' court", text("#tile-detail-heading"));
        new Actions(driver).sendKeys(Keys.ARROW_DOWN).perform();
        assertEquals("Haringey: no cover", active().getDomAttribute("aria-label"));
        assertEquals("Haringey: magistrates' court", text("#tile-detail-heading"));
        new Actions(driver).sendKeys(Keys.ARROW_LEFT).perform();
        assertEquals("Barnet: magistrates' court", text("#tile-detail-heading"));
        assertTrue(text("#tile-detail").contains("Hendon Magistrates' Court"), text("#tile-detail"));
        new Actions(driver).sendKeys(Keys.ARROW_DOWN).sendKeys(Keys.ARROW_DOWN).perform();
        assertEquals("Westminster: magistrates' court", text("#tile-detail-heading"));
        assertTrue(text("#tile-detail").contains("Single practitioner"), text("#tile-detail"));
        screenshot("coverage-keyboard");
        assertNoConsoleErrors();
    }

    @Test
    void theNodeListOpensADetailsPanelFromTheKeyboard() {
        open("/network.html?borough=E09000022");
        WebElement first = find("#node-table tbody tr:first-child a");
        String name = first.getText();
        js("arguments[0].focus()", first);
        new Actions(driver).sendKeys(Keys.ENTER).perform();
        waiting().until(d -> !findAll("#node-name").isEmpty() && name.equals(text("#node-name")));
        assertEquals("node-name", active().getDomAttribute("id"), "focus moves to the panel");
        assertTrue(text("#node-panel").contains("Refers to (top 10)"));
        assertNoConsoleErrors();
    }

    @Test
    void aNarrowScreenShowsTheWholeMapWithoutSidewaysScrolling() {
        try {
            resize(375, 800);
            open("/coverage.html?asOf=2009-06-30&kind=magistrates_court");
            assertEquals(33, findAll("#map .bm-tile").size());
            for (WebElement tile : findAll("#map .bm-tile")) {
                assertTrue(tile.isDisplayed());
                assertTrue(tile.getRect().getX() + tile.getRect().getWidth() <= 375, tile.getDomAttribute("aria-label"));
            }
            long overflow = ((Number) js("return document.documentElement.scrollWidth - document.documentElement.clientWidth")).longValue();
            assertTrue(overflow <= 0, "page scrolls sideways by " + overflow + " px");
            assertTrue(find(".govuk-service-navigation__toggle").isDisplayed(), "the menu folds into a button");
            scrollTo("#map-hint");
            screenshot("coverage-narrow");
            assertNoConsoleErrors();
        } finally {
            resize(1280, 800);
        }
    }

    @Test
    void aDateTheApiRefusesShowsItsDetailInAnErrorSummary() {
        open("/gaps.html?asOf=2014-02-30");
        String summary = text(".govuk-error-summary");
        assertTrue(summary.startsWith("There is a problem"), summary);
        assertTrue(summary.contains("asOf \"2014-02-30\" is not a"), summary);
        assertTrue(!summary.contains("Exception") && !summary.contains("at bridgemap."), summary);
        assertNoConsoleErrorsExcept(message -> message.contains("status of 400"));
    }

    @Test
    void aDateBefore1993IsRefusedInTheForm() {
        open("/gaps.html");
        js("document.getElementById('asOf').value = '1990-01-01'");
        find("#filters button[type=submit]").click();
        String summary = text(".govuk-error-summary");
        assertTrue(summary.contains("Choose a date on or after 1 January 1993"), summary);
        assertTrue(text("#asOf-error").contains("Choose a date on or after 1 January 1993"));
        assertTrue(!driver.getCurrentUrl().contains("1990"), driver.getCurrentUrl());
        assertNoConsoleErrors();
    }

    @Test
    void aDayWithNoReferralsSaysSo() {
        open("/network.html?asOf=1990-01-01");
        assertTrue(text("#content").contains("No referrals in the year to 1 January 1990."), text("#content"));
        open("/bottlenecks.html?asOf=1990-01-01");
        assertTrue(text("#content").contains("No referrals in the year to 1 January 1990"), text("#content"));
        open("/gaps.html?asOf=1990-01-01");
        assertTrue(text("#stools-table-empty, #content").contains("No referrals in the year to 1 January 1990."));
        assertNotEquals(0, findAll(".bm-card, #content p").size());
        assertNoConsoleErrors();
    }
}
