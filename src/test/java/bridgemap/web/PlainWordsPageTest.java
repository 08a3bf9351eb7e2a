package bridgemap.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bridgemap.cli.BridgemapCommand;
import bridgemap.testing.TestStore;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** Issue 14 item 7 on the pages, against the API: posts in "funding ending", need names, boroughs by name. */
class PlainWordsPageTest extends BrowserHarness {

    @Test
    void fundingEndingShowsTheApisPosts_issue14() {
        open("/coverage.html?asOf=2014-06-30");
        waitFor("#ending-table", 30);
        Set<String> posts = new HashSet<>();
        api("/api/analysis/coverage?asOf=2014-06-30", null).get("fundingEnding")
                .forEach(f -> posts.add(f.get("post").get("description").asText()));
        List<WebElement> rows = findAll("#ending-table tbody tr");
        assertTrue(rows.size() > 0);
        for (WebElement row : rows) {
            String post = row.findElements(By.cssSelector("td, th")).get(1).getText();
            assertTrue(posts.contains(post), post);
        }
        assertTrue(text("#ending-table thead").contains("Post"), text("#ending-table thead"));
        assertNoConsoleErrors();
    }

    /**
     * Issue 14 item 7: a place is named by its real settings and the borough they serve, never as a setting named
     * after its borough ("Haringey Crown Court"), the same on the Coverage page and the command line.
     */
    @Test
    void placesAreNamedByTheirRealSettingsOnThePageAndTheCommandLine_issue14() {
        open("/coverage.html?asOf=2014-06-30");
        waitFor("#funder-table", 30);
        String nhse = findAll("#funder-table tbody tr").stream().map(WebElement::getText)
                .filter(row -> row.startsWith("NHS England")).findFirst().orElseThrow();
        assertTrue(nhse.contains("Wood Green Crown Court (Haringey)"), nhse);
        assertTrue(nhse.contains("Barkingside Magistrates' Court (Redbridge)"), nhse);
        assertFalse(nhse.contains("Haringey Crown Court"), nhse);
        String csv = cli("analyze", "funding", "--as-of", "2014-06-30");
        // The funding report's "what each funder's withdrawal would uncover" row for NHS England.
        String row = csv.lines().filter(l -> l.trim().startsWith("NHS England") && l.contains(" (")).findFirst().orElseThrow();
        String first = "Freshwharf (Barking) police custody suite (Barking and Dagenham)";
        assertTrue(row.contains(first) && nhse.contains(first), row);
        assertFalse(csv.contains("Haringey Crown Court") || csv.contains(" cells"), csv);
        assertNoConsoleErrors();
    }

    private static String cli(String... args) {
        StringWriter out = new StringWriter();
        var cli = BridgemapCommand.commandLine(TestStore.externalEnv());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(new StringWriter(), true));
        assertEquals(0, cli.execute(args), String.join(" ", args));
        return out.toString();
    }

    @Test
    void gapsNameNeedsAsNeedsCsvDoes_issue14() {
        open("/gaps.html?asOf=2014-06-30");
        waitFor("#stools-table", 30);
        String page = text("#content");
        for (String code : List.of("mood anxiety", "self harm", "women specific")) {
            assertFalse(page.contains(code), code);
        }
        assertTrue(page.contains("substance (drug) misuse"), "needs.csv's name for substance_misuse");
        assertNoConsoleErrors();
    }

    @Test
    void aBoroughNamedInTheAddressIsChosen_issue14() {
        open("/gaps.html?asOf=2014-06-30&borough=lambeth");
        waitFor("#stools", 30);
        assertEquals("E09000022", find("#borough").getDomProperty("value"));
        String content = text("#content");
        assertTrue(content.contains("Lambeth"), content);
        assertFalse(content.contains("Islington"), "only Lambeth's gaps: " + content);
        assertNoConsoleErrors();
    }

    /** Issue 14: a dead-end rate from fewer than 10 people carries the same caution as on the command line. */
    @Test
    void aRateFromFewerThanTenPeopleCarriesACaution_issue14() {
        open("/gaps.html?asOf=2014-06-30&borough=E09000022");
        waitFor("#dead-ends-hand-off", 30);
        var byHandOff = api("/api/analysis/gaps?asOf=2014-06-30&borough=E09000022", null).get("deadEnds").get("byHandOff");
        List<WebElement> rows = findAll("#dead-ends-hand-off tbody tr");
        assertEquals(byHandOff.size(), rows.size());
        int small = 0;
        for (WebElement row : rows) {
            List<WebElement> cells = row.findElements(By.cssSelector("td, th"));
            long resolved = Long.parseLong(cells.get(1).getText().replace(",", ""));
            String rate = cells.get(3).getText();
            assertEquals(resolved > 0 && resolved < 10, rate.contains("caution"), rate);
            if (resolved > 0 && resolved < 10) {
                small++;
                assertTrue(rate.endsWith("(only " + resolved + " people: caution)"), rate);
            }
        }
        assertTrue(small > 0);
        var handOffs = api("/api/analysis/gaps?asOf=2014-06-30&borough=E09000022", null).get("handOffLoss").get("handOffs");
        List<WebElement> lossRows = findAll("#hand-off-table tbody tr");
        assertEquals(handOffs.size(), lossRows.size());
        for (WebElement row : lossRows) {
            List<WebElement> cells = row.findElements(By.cssSelector("td, th"));
            long decided = Long.parseLong(cells.get(1).getText().replace(",", "")) - Long.parseLong(cells.get(6).getText().replace(",", ""));
            String loss = cells.get(8).getText();
            assertEquals(decided > 0 && decided < 10, loss.endsWith("(only " + decided + " referrals: caution)"), loss);
        }
        assertNoConsoleErrors();
    }
}
