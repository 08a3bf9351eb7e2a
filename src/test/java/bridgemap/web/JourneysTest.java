package bridgemap.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

/**
 * The acceptance test: from the overview, without docs, find which boroughs had no magistrates'
 * court cover in 2009 and who was the only bridge to health in Lambeth in 2014.
 */
class JourneysTest extends BrowserHarness {

    @Test
    void boroughsWithNoMagistratesCourtCoverIn2009() {
        open("/");
        driver.findElement(By.partialLinkText("no magistrates' court cover in 2009")).click();
        waitForPage();
        assertTrue(driver.getCurrentUrl().contains("asOf=2009-06-30"), driver.getCurrentUrl());
        assertEquals("magistrates_court", new Select(find("#kind")).getFirstSelectedOption().getDomAttribute("value"));
        assertEquals("Magistrates' court cover on 30 June 2009", text("#map-heading"));
        String noCover = text("#boroughs-hole");
        for (String borough : new String[] {"Barnet", "Bexley", "Brent", "Haringey", "Southwark", "Waltham Forest"}) {
            assertTrue(noCover.contains(borough), noCover);
        }
        assertFalse(noCover.contains("Tower Hamlets"), noCover);
        // Thames Magistrates' Court serves Hackney as well as Tower Hamlets (its catchment, issue 14).
        assertEquals("Hackney, Tower Hamlets", text("#boroughs-covered"));
        assertEquals("hole", find("#map [data-borough='E09000003']").getDomAttribute("data-status"));
        assertEquals("hole", find("#map [data-borough='E09000022']").getDomAttribute("data-status"),
                "Lambeth has no magistrates' court of its own, but Camberwell Green serves it (issue 14 catchments)");
        assertEquals(20, findAll("#map [data-status='hole']").size()); // 17 before catchments: boroughs served by a neighbour's court (Lambeth by Camberwell Green) are places now
        scrollTo("#in-words");
        screenshot("coverage-2009-magistrates");
        assertNoConsoleErrors();
    }

    @Test
    void theOnlyBridgeToHealthInLambethIn2014() {
        open("/");
        driver.findElement(By.partialLinkText("only bridge to health in Lambeth")).click();
        waitForPage();
        assertTrue(driver.getCurrentUrl().contains("borough=E09000022"), driver.getCurrentUrl());
        waiting().until(d -> "Lambeth".equals(new Select(find("#borough")).getFirstSelectedOption().getText()));
        assertTrue(text("#main-broker-list").contains(
                "Lambeth probation office — 71% of its people reached health through fmhp-lam-05 at Lambeth probation office"),
                text("#main-broker-list"));
        find("#main-broker-list a").click();
        waitForPage();
        waiting().until(d -> !findAll("#node-name").isEmpty());
        assertEquals("fmhp-lam-05 at Lambeth probation office", text("#node-name"));
        assertTrue(driver.getCurrentUrl().contains("asOf=2014-06-30"), "the date is carried to the network page");
        open("/bottlenecks.html?asOf=2014-06-30&borough=E09000022");
        scrollTo("#main-brokers");
        screenshot("bottlenecks-lambeth-2014");
        assertNoConsoleErrors();
    }

    @Test
    void theDateAndSettingChosenInTheFormGoIntoTheUrlAndTheNavigation() {
        open("/coverage.html");
        new Select(find("#kind")).selectByValue("magistrates_court");
        js("document.getElementById('asOf').value = '2009-06-30'");
        find("#filters button[type=submit]").click();
        waiting().until(d -> text("#map-heading").equals("Magistrates' court cover on 30 June 2009"));
        assertTrue(driver.getCurrentUrl().contains("asOf=2009-06-30"), driver.getCurrentUrl());
        assertTrue(driver.getCurrentUrl().contains("kind=magistrates_court"), driver.getCurrentUrl());
        assertTrue(find("a[data-nav='/gaps.html']").getDomAttribute("href").contains("asOf=2009-06-30"));
        find("a[data-nav='/']").click();
        waiting().until(d -> !findAll("#headlines").isEmpty());
        assertEquals("On 30 June 2009", text("#as-of-heading"));
        assertEquals("2009-06-30", find("#asOf").getDomProperty("value"));
        driver.navigate().back();
        waiting().until(d -> text("#map-heading").equals("Magistrates' court cover on 30 June 2009"));
        assertNoConsoleErrors();
    }
}
