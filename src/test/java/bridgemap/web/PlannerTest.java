package bridgemap.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/**
 * Issue 5's done-means, from the page: withdraw NHS England in 2014 and see which court and custody cover
 * disappears, then ask the planner for the best 3 new posts and see the gain of each; save, list, re-run and
 * delete a scenario (open server: no tokens); a bad change is named beside it.
 */
class PlannerTest extends BrowserHarness {

    private static final String KINGSTON = "E09000021";
    private static final String HARINGEY = "E09000014";

    /** The CLI's example scenario, {@code bridgemap whatif docs/scenarios/nhse-withdraws-2014.json --as-of 2014-06-30}. */
    private static final Path NHSE_WITHDRAWS = Path.of("docs", "scenarios", "nhse-withdraws-2014.json");

    @Test
    void withdrawingNhsEnglandIn2014ShowsTheCourtAndCustodyCoverThatDisappears() throws Exception {
        open("/");
        find("#example-planner").click();
        waitForPage();
        assertTrue(driver.getCurrentUrl().contains("withdraw=fund-nhse"), driver.getCurrentUrl());
        // The same sentences as the README's CLI run of docs/scenarios/nhse-withdraws-2014.json.
        String coverage = waitForText("#differences-coverage", "Wood Green Crown Court (Haringey) loses all 4 practitioners", 90);
        assertTrue(coverage.contains("Kingston police custody suite (Kingston upon Thames) loses its only FMHP"), coverage);
        assertEquals("NHS England withdraws its funding", text("#change-list li .bm-change__text"));
        assertTrue(text("#effects").contains("NHS England withdraws: 26 posts lose funding, 24 of them end"), text("#effects"));
        assertTrue(text("#whatif-heading").contains("NHS England withdraws its funding"));
        assertTrue(text("#whatif-result").contains("as it stood on 30 June 2014"));

        // The page shows what the API answers for the CLI's scenario file, sentence for sentence.
        JsonNode answer = api("/api/scenarios?asOf=2014-06-30", Files.readString(NHSE_WITHDRAWS));
        assertEquals(sentences(answer, "coverage"), texts("#differences-coverage li"));
        assertEquals(sentences(answer, "bottlenecks"), texts("#differences-bottlenecks li"));
        assertEquals(sentences(answer, "gaps").size(), findAll("#differences-gaps li").size());
        List<String> effects = new ArrayList<>();
        answer.get("effects").forEach(e -> effects.add(e.asText()));
        assertEquals(effects, texts("#effects li"));
        // Issue 14: who is displaced and the pressure moved onto the services that remain, as the API (and the CLI) say.
        JsonNode displaced = answer.get("displaced");
        assertEquals(displaced.get("sentence").asText(), text("#displaced-sentence"));
        assertTrue(text("#displaced-sentence").startsWith("498 people were seen by posts that end"), text("#displaced-sentence"));
        JsonNode entry = displaced.get("byEntry").get(0);
        assertEquals(entry.get("name").asText() + " " + entry.get("boroughName").asText() + " " + entry.get("people").asInt() + " "
                + entry.get("withoutRoute").asInt(), text("#displaced-entry tbody tr"));
        assertEquals(Math.min(10, displaced.get("byNeed").size()), findAll("#displaced-need tbody tr").size());
        assertEquals(Math.min(10, displaced.get("pressure").size()), findAll("#pressure li").size());
        assertEquals(displaced.get("pressure").get(0).get("sentence").asText(), text("#pressure li"));
        assertEquals("People displaced (seen by posts that end or at settings that close) 0 498 +498",
                text("#headline-table tr[data-key='displacedPeople']"));
        scrollTo("#displaced-heading");
        screenshot("planner-whatif-displaced");
        List<String> lostCourtAndCustody = sentences(answer, "coverage").stream()
                .filter(t -> t.contains("custody") || t.contains("Court") || t.contains("court")).toList();
        assertTrue(lostCourtAndCustody.size() >= 10, lostCourtAndCustody::toString);

        assertEquals("Boroughs with some cover 22 19 −3", text("#headline-table tr[data-key='boroughsWithCover']"));
        assertEquals("Boroughs with some cover " + answer.at("/before/boroughsWithCover").asInt() + " "
                + answer.at("/after/boroughsWithCover").asInt() + " −3", text("#headline-table tr[data-key='boroughsWithCover']"));
        assertEquals("Places with no cover " + answer.at("/before/holes").asInt() + " " + answer.at("/after/holes").asInt() + " +8",
                find("#headline-table tr[data-key='holes']").getText());

        // The table of places whose cover changes: as many as the API's cells that change, the lost ones first.
        Map<String, JsonNode> before = new TreeMap<>();
        answer.at("/coverageBefore/cells").forEach(c -> before.put(c.get("boroughId").asText() + "/" + c.get("kind").asText(), c));
        List<String> lost = new ArrayList<>();
        int changed = 0;
        for (JsonNode c : answer.at("/coverageAfter/cells")) {
            JsonNode was = before.get(c.get("boroughId").asText() + "/" + c.get("kind").asText());
            if (!was.get("status").equals(c.get("status")) || !was.get("practitioners").equals(c.get("practitioners"))) {
                changed++;
                if ("hole".equals(c.get("status").asText())) {
                    lost.add(c.get("boroughName").asText());
                }
            }
        }
        List<WebElement> rows = findAll("#changed-cells tbody tr");
        assertEquals(changed, rows.size());
        List<String> lostOnPage = rows.stream().filter(r -> r.findElements(By.cssSelector("td")).get(2).getText().startsWith("No cover"))
                .map(r -> r.findElement(By.cssSelector("th")).getText()).sorted().toList();
        assertEquals(lost.stream().sorted().toList(), lostOnPage);
        assertTrue(text("#changed-cells tbody tr:first-child").startsWith("Barking and Dagenham Police custody Fragile 3 practitioners No cover"),
                text("#changed-cells tbody tr:first-child"));

        assertEquals("police_custody", find("#compare-kind").getDomProperty("value"));
        assertMapsMatch(answer, "police_custody");
        assertEquals("fragile", find("#map-before [data-borough='" + KINGSTON + "']").getDomAttribute("data-status"));
        assertEquals("hole", find("#map-after [data-borough='" + KINGSTON + "']").getDomAttribute("data-status"));
        assertEquals("Kingston upon Thames: no cover (was fragile)",
                find("#map-after [data-borough='" + KINGSTON + "']").getDomAttribute("aria-label"));
        find("#map-after [data-borough='" + KINGSTON + "']").click();
        assertTrue(text("#compare-detail").contains("Before Fragile"), text("#compare-detail"));
        choose("#compare-kind", "crown_court");
        assertMapsMatch(answer, "crown_court");
        assertEquals("hole", find("#map-after [data-borough='" + HARINGEY + "']").getDomAttribute("data-status"));
        assertEquals("fragile", find("#map-before [data-borough='" + HARINGEY + "']").getDomAttribute("data-status"));
        assertTrue(text("#compare-summary").contains("Haringey (fragile → no cover)"), text("#compare-summary"));
        choose("#compare-kind", "police_custody");
        scrollTo("#compare-heading");
        screenshot("planner-whatif-maps");
        scrollTo("#changed-cells");
        screenshot("planner-whatif-table");
        scrollTo("#whatif-heading");
        screenshot("planner-whatif");
        assertNoConsoleErrors();
    }

    /** The difference sentences of one area, in the API's order. */
    private static List<String> sentences(JsonNode answer, String area) {
        List<String> out = new ArrayList<>();
        answer.get("differences").forEach(d -> {
            if (area.equals(d.get("area").asText())) {
                out.add(d.get("sentence").asText());
            }
        });
        return out;
    }

    /** Each tile of the before and after maps has the status of the API's cell for that borough and setting kind. */
    private static void assertMapsMatch(JsonNode answer, String kind) {
        for (String[] side : new String[][] {{"#map-before", "/coverageBefore/cells"}, {"#map-after", "/coverageAfter/cells"}}) {
            Map<String, String> expected = new TreeMap<>();
            answer.at(side[1]).forEach(c -> {
                if (kind.equals(c.get("kind").asText())) {
                    expected.put(c.get("boroughId").asText(), c.get("status").asText());
                }
            });
            Map<String, String> shown = new TreeMap<>();
            for (WebElement tile : findAll(side[0] + " .bm-tile")) {
                String status = tile.getDomAttribute("data-status");
                if (!"none".equals(status)) {
                    shown.put(tile.getDomAttribute("data-borough"), status);
                }
            }
            assertEquals(expected, shown, side[0] + " " + kind);
        }
    }

    /**
     * Issue 17 item 2: the agency suggestions are the day's agencies from {@code GET /api/agencies}, and the page no
     * longer reads the whole node-level network (15.5 MB at England scale) to find them.
     */
    @Test
    void theAgencySuggestionsComeFromTheAgencyListNotTheNetwork() {
        open("/planner.html?asOf=2014-06-30");
        JsonNode answer = api("/api/agencies?asOf=2014-06-30", null);
        Map<String, String> expected = new TreeMap<>();
        answer.get("agencies").forEach(a -> expected.put(a.get("id").asText(), a.get("name").asText()));
        assertTrue(expected.size() > 10, expected::toString);
        waiting().until(d -> findAll("#agency-list option").size() == expected.size());
        Map<String, String> suggested = new TreeMap<>();
        for (WebElement option : findAll("#agency-list option")) {
            suggested.put(option.getDomAttribute("value"), option.getDomProperty("textContent"));
        }
        assertEquals(expected, suggested);
        // What the page suggested before (the network's agency nodes) is all still suggested, under the same names.
        int inNetwork = 0;
        for (JsonNode node : api("/api/network?asOf=2014-06-30", null).at("/elements/nodes")) {
            if (node.at("/data/type").asText().equals("agency")) {
                inNetwork++;
                assertEquals(node.at("/data/label").asText(), suggested.get(node.at("/data/id").asText()), node.toString());
            }
        }
        assertTrue(inNetwork > 0, "the demo's network has agencies");
        @SuppressWarnings("unchecked")
        List<String> read = (List<String>) js("return performance.getEntriesByType('resource').map((e) => e.name)");
        assertTrue(read.stream().anyMatch(u -> u.contains("/api/agencies?asOf=2014-06-30")), read::toString);
        assertTrue(read.stream().noneMatch(u -> u.contains("/api/network")), read::toString);
        assertNoConsoleErrors();
    }

    @Test
    void theExpansionPlannerShowsThreePicksWithTheGainOfEach() {
        open("/planner.html?asOf=2014-06-30");
        assertEquals("3", find("#plan-posts").getDomProperty("value"));
        // People seen (the default before activity figures, issue 14); the default plan is PlannerDemandTest's.
        find("#plan-demand-cases").click();
        find("#plan-run").click();
        waitFor("#picks-table", 60);
        List<WebElement> rows = findAll("#picks-table tbody tr");
        assertEquals(3, rows.size());
        // As `bridgemap plan --posts 3 --as-of 2014-06-30 --demand cases` prints them.
        assertEquals("1 Merton Magistrates' court Wimbledon Magistrates' Court 42 42 12.3%", rows.get(0).getText());
        assertEquals("2 Greenwich Magistrates' court Greenwich Magistrates' Court 40 82 24.0%", rows.get(1).getText());
        assertEquals("3 Wandsworth Magistrates' court Lavender Hill Magistrates' Court 37 119 34.9%", rows.get(2).getText());
        assertTrue(text("#plan-result").contains("341 people were seen"), text("#plan-result"));
        // And as the API answers the same request.
        JsonNode plan = api("/api/plans", "{\"posts\": 3, \"asOf\": \"2014-06-30\", \"demand\": \"cases\"}");
        assertEquals(3, plan.get("picks").size());
        for (int i = 0; i < 3; i++) {
            JsonNode pick = plan.get("picks").get(i);
            List<String> cells = rows.get(i).findElements(By.cssSelector("th, td")).stream().map(WebElement::getText).toList();
            assertEquals(String.valueOf(pick.get("rank").asInt()), cells.get(0));
            assertEquals(pick.get("boroughName").asText(), cells.get(1));
            assertEquals(String.valueOf(pick.get("gain").asInt()), cells.get(4), "gain of pick " + (i + 1));
            assertEquals(String.valueOf(pick.get("cumulative").asInt()), cells.get(5), "running total of pick " + (i + 1));
        }
        assertTrue(text("#plan-result").contains(plan.get("unmetDemand").asInt() + " people were seen"));
        assertEquals(3, findAll("#plan-map [data-status='picked']").size());
        assertEquals("1", find("#plan-map [data-borough='E09000024'] .bm-tile__mark").getText());
        assertEquals("Merton: pick 1, magistrates' court, adds 42 people",
                find("#plan-map [data-borough='E09000024']").getDomAttribute("aria-label"));
        scrollTo("#plan-heading");
        screenshot("planner-plan");

        // Two posts, places counted equally: a different answer, again the API's.
        js("document.getElementById('plan-posts').value = ''");
        find("#plan-posts").sendKeys("2");
        find("#plan-demand-equal").click();
        find("#plan-run").click();
        waitForText("#plan-heading", "Where 2 new posts would help most", 60);
        JsonNode equal = api("/api/plans", "{\"posts\": 2, \"asOf\": \"2014-06-30\", \"demand\": \"equal\"}");
        List<WebElement> equalRows = findAll("#picks-table tbody tr");
        assertEquals(equal.get("picks").size(), equalRows.size());
        for (int i = 0; i < equalRows.size(); i++) {
            List<String> cells = equalRows.get(i).findElements(By.cssSelector("th, td")).stream().map(WebElement::getText).toList();
            assertEquals(equal.get("picks").get(i).get("boroughName").asText(), cells.get(1));
            assertEquals(String.valueOf(equal.get("picks").get(i).get("gain").asInt()), cells.get(4));
        }
        assertNoConsoleErrors();
    }

    /**
     * Issue 14: "if NHS England withdraws, where should 3 new posts go?" gives the same plan from the page, the API and
     * {@code bridgemap plan --scenario nhse-withdraws}; a budget that buys two posts gives two picks; a budget that is
     * not an amount of pounds is said beside its field in the API's words.
     */
    @Test
    void aPlanAfterTheNhsEnglandWithdrawalIsTheSameOnThePageTheApiAndTheCli() throws Exception {
        api("/api/scenarios?asOf=2014-06-30&save=true", Files.readString(NHSE_WITHDRAWS));
        try {
            open("/planner.html?asOf=2014-06-30");
            waitFor("#plan-scenario option[value='nhse-withdraws']", 30);
            choose("#plan-scenario", "nhse-withdraws");
            find("#plan-demand-cases").click(); // people seen: the figures below (activity is PlannerDemandTest's)
            find("#plan-run").click();
            waitFor("#picks-table", 90);
            JsonNode plan = api("/api/plans", "{\"posts\": 3, \"asOf\": \"2014-06-30\", \"demand\": \"cases\", \"scenario\": \"nhse-withdraws\"}");
            JsonNode cli = cliPlan("plan", "--posts", "3", "--as-of", "2014-06-30", "--demand", "cases", "--scenario", "nhse-withdraws", "--format", "json");
            assertEquals(plan, cli, "the API and the CLI give the same plan");
            List<String> apiPicks = new ArrayList<>();
            plan.get("picks").forEach(x -> apiPicks.add(x.get("rank").asInt() + " " + x.get("boroughName").asText() + " "
                    + x.get("gain").asInt() + " " + x.get("cumulative").asInt()));
            List<String> pagePicks = new ArrayList<>();
            for (WebElement row : findAll("#picks-table tbody tr")) {
                List<String> cells = row.findElements(By.cssSelector("th, td")).stream().map(WebElement::getText).toList();
                pagePicks.add(cells.get(0) + " " + cells.get(1) + " " + cells.get(4) + " " + cells.get(5));
            }
            assertEquals(List.of("1 Havering 72 72", "2 Kingston upon Thames 66 138", "3 Haringey 61 199"), apiPicks);
            assertEquals(apiPicks, pagePicks);
            assertEquals("Starting from the scenario “nhse-withdraws”:", find("#plan-scenario-effects p").getText());
            List<String> effects = new ArrayList<>();
            plan.get("scenarioEffects").forEach(e -> effects.add(e.asText()));
            assertEquals(effects, texts("#plan-scenario-effects li"));
            assertTrue(text("#plan-result").contains("784 people were seen"), text("#plan-result"));
            assertEquals(List.of("£40,930 (1.0 FTE × the median funding a year per FTE of the 51 funded posts in post on 2014-06-30)",
                    "£122,790 for 3 posts", "None given"), texts("#plan-costs dd"));
            assertEquals(plan.get("method").asText(), text("#plan-method"));
            scrollTo("#plan-heading");
            screenshot("planner-plan-after-scenario");

            find("#plan-cost").sendKeys("£40,000");
            find("#plan-budget").sendKeys("80k");
            find("#plan-run").click();
            waitForText("#plan-heading", "Where 2 new posts would help most", 90);
            JsonNode budgeted = cliPlan("plan", "--posts", "3", "--as-of", "2014-06-30", "--demand", "cases", "--scenario", "nhse-withdraws",
                    "--cost-per-post", "£40,000", "--budget", "80k", "--format", "json");
            assertEquals(2, budgeted.get("picks").size());
            assertEquals(2, findAll("#picks-table tbody tr").size());
            assertEquals(List.of("£40,000 (as given)", "£80,000 for 2 posts", "£80,000"), texts("#plan-costs dd"));
            assertEquals(budgeted.get("method").asText(), text("#plan-method"));

            js("document.getElementById('plan-budget').value = ''");
            find("#plan-budget").sendKeys("lots");
            find("#plan-run").click();
            assertFieldProblem("plan-budget", "budgetGbp: \"lots\" is not an amount of pounds more than £0; give one such as "
                    + "250000, £250,000 or 250k");
            assertNoConsoleErrorsExcept(m -> m.contains("400"));
        } finally {
            HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url("/api/scenarios/nhse-withdraws"))).DELETE().build(),
                    HttpResponse.BodyHandlers.discarding());
        }
    }

    /** {@code bridgemap ARGS --format json} in-process on the test store, as JSON. */
    private static JsonNode cliPlan(String... args) throws Exception {
        java.io.StringWriter out = new java.io.StringWriter();
        var cli = bridgemap.cli.BridgemapCommand.commandLine(bridgemap.testing.TestStore.externalEnv());
        cli.setOut(new java.io.PrintWriter(out, true));
        assertEquals(0, cli.execute(args), String.join(" ", args));
        return bridgemap.report.Json.mapper().readTree(out.toString());
    }

    /** Issue 16: problems the page finds itself are summarised, linked to their field and said beside it (GOV.UK). */
    @Test
    void aProblemInAFieldIsSummarisedLinkedAndSaidBesideTheField() {
        open("/planner.html?asOf=2014-06-30");
        js("document.getElementById('plan-posts').value = ''");
        find("#plan-posts").sendKeys("0");
        find("#plan-run").click();
        assertFieldProblem("plan-posts", "Enter how many new posts as a whole number from 1 to 100");

        choose("#change-type", "add_post");
        js("document.getElementById('post-fte').value = ''");
        find("#post-fte").sendKeys("a lot");
        find("#add-change").click();
        assertFieldProblem("post-fte", "Enter the post’s FTE as a number, for example 1.0 or 0.5");
        assertTrue(findAll("#change-list li").isEmpty(), "nothing was added");

        choose("#change-type", "withdraw_funder");
        choose("#withdraw-funder", "fund-bromley-trust");
        find("#add-change").click();
        js("document.getElementById('scenario-name').value = ''");
        find("#save-scenario").click();
        assertFieldProblem("scenario-name", "Give the scenario a name to save it");
        assertTrue(findAll("#effects").isEmpty(), "nothing was run");
        assertNoConsoleErrors();
    }

    private static void assertFieldProblem(String id, String text) {
        waitForText(".govuk-error-summary", text, 30);
        assertEquals(List.of(text), texts(".govuk-error-summary__list li"));
        assertEquals("#" + id, find(".govuk-error-summary__list a").getDomAttribute("href"));
        assertTrue(text("#" + id + "-error").endsWith(text), text("#" + id + "-error"));
        assertEquals(id + "-error", find("#" + id).getDomAttribute("aria-describedby"));
        assertTrue(find("#" + id).getDomAttribute("class").contains("govuk-input--error"), id);
        assertTrue(find("#" + id + "-error").findElement(By.xpath("ancestor::div[contains(@class, 'govuk-form-group')][1]"))
                .getDomAttribute("class").contains("govuk-form-group--error"), id);
    }

    @Test
    void everyKindOfChangeIsBuiltFromTheFormAndRunsAsTheApiRunsIt() {
        open("/planner.html?asOf=2014-06-30");
        choose("#change-type", "withdraw_funder");
        choose("#withdraw-funder", "fund-bromley-trust");
        find("#add-change").click();
        choose("#change-type", "remove_practitioner");
        choose("#remove-practitioner", "fmhp-lam-05");
        find("#add-change").click();
        choose("#change-type", "add_post");
        choose("#post-borough", "E09000024");
        choose("#post-kind", "magistrates_court");
        assertEquals("set-mc-wimbledon", find("#post-setting").getDomProperty("value"), "Merton's magistrates' court is offered");
        js("document.getElementById('post-fte').value = ''");
        find("#post-fte").sendKeys("0.8");
        choose("#post-funder", "fund-nhse");
        find("#post-amount").sendKeys("40000");
        js("document.getElementById('post-start').value = '2014-04-01'; document.getElementById('post-end').value = '2016-03-31'");
        find("#add-change").click();
        choose("#change-type", "close_setting");
        choose("#close-setting", "set-po-merton");
        find("#add-change").click();
        choose("#change-type", "add_partnership");
        find("#partner-add-from").sendKeys("together");
        find("#partner-add-to").sendKeys("trust-rat");
        find("#add-change").click();
        choose("#change-type", "remove_partnership");
        find("#partner-remove-from").sendKeys("lpt");
        find("#partner-remove-to").sendKeys("trust-rkl");
        find("#add-change").click();
        assertEquals(6, findAll("#change-list li").size());
        waitForText("#change-4", "A new referral protocol partnership from Together for Mental Wellbeing", 30);
        waitForText("#change-5", "The partnership from London Probation to West London Mental Health NHS Trust ends", 30);
        assertEquals("A new 0.8 FTE post at Wimbledon Magistrates' Court, funded by NHS England (£40,000 a year), "
                + "1 April 2014 to 31 March 2016", text("#change-2 .bm-change__text"));
        find("#run-scenario").click();
        waitFor("#effects", 90);
        assertEquals("What if: 6 changes", text("#whatif-heading"));

        JsonNode answer = api("/api/scenarios?asOf=2014-06-30", """
                {"changes": [
                  {"type": "withdraw_funder", "funder": "fund-bromley-trust"},
                  {"type": "remove_practitioner", "practitioner": "fmhp-lam-05"},
                  {"type": "add_post", "borough": "E09000024", "setting": "set-mc-wimbledon", "fte": 0.8, "funder": "fund-nhse",
                   "amountGbp": 40000, "start": "2014-04-01", "end": "2016-03-31"},
                  {"type": "close_setting", "setting": "set-po-merton"},
                  {"type": "add_partnership", "from": "together", "to": "trust-rat", "kind": "referral_protocol"},
                  {"type": "remove_partnership", "from": "lpt", "to": "trust-rkl"}]}""");
        List<String> effects = new ArrayList<>();
        answer.get("effects").forEach(e -> effects.add(e.asText()));
        assertEquals(6, effects.size(), effects::toString);
        assertEquals(effects, texts("#effects li"));
        assertEquals(sentences(answer, "coverage"), texts("#differences-coverage li"));
        assertEquals(sentences(answer, "bottlenecks"), texts("#differences-bottlenecks li"));
        assertTrue(texts("#differences-coverage li").contains("Wimbledon Magistrates' Court (Merton) gains cover: 1 practitioner"));
        assertEquals("Practitioners placed " + answer.at("/before/practitionersPlaced").asInt() + " "
                + answer.at("/after/practitionersPlaced").asInt() + " no change", text("#headline-table tr[data-key='practitionersPlaced']"),
                "one leaves, one new post");
        choose("#compare-kind", "magistrates_court");
        assertMapsMatch(answer, "magistrates_court");
        assertEquals("fragile", find("#map-after [data-borough='E09000024']").getDomAttribute("data-status"));
        assertEquals("hole", find("#map-before [data-borough='E09000024']").getDomAttribute("data-status"));
        scrollTo("#changes");
        screenshot("planner-six-changes");
        assertNoConsoleErrors();
    }

    @Test
    void aScenarioIsSavedListedRerunOnAnotherDayAndDeleted() throws Exception {
        String name = "browser-test-lpt";
        try {
            open("/planner.html?asOf=2014-06-30");
            choose("#change-type", "withdraw_funder");
            choose("#withdraw-funder", "fund-nps"); // issue 15: London Probation Trust ceased on 1 June 2014
            find("#add-change").click();
            choose("#change-type", "remove_practitioner");
            choose("#remove-practitioner", "fmhp-lam-05");
            find("#add-change").click();
            assertEquals(2, findAll("#change-list li").size());
            find("#change-list li:nth-child(2) .bm-link-button").click();
            assertEquals(1, findAll("#change-list li").size(), "a change can be removed");
            assertTrue(text("#change-list").contains("National Probation Service (London division) withdraws its funding"));
            find("#scenario-name").sendKeys(name);
            find("#scenario-description").sendKeys("London Probation stops paying");
            find("#save-scenario").click();
            waitForText("#whatif-notice", "Saved as “" + name + "”", 90);
            String saved = waitForText("#saved-table", name, 30);
            assertTrue(saved.contains("London Probation stops paying"), saved);

            js("document.getElementById('rerun-asOf').value = '2015-03-31'");
            find("#saved-table button[data-action='run'][data-name='" + name + "']").click();
            waitForText("#whatif-heading", "on 31 March 2015", 90);
            assertTrue(text("#whatif-result").contains("as it stood on 31 March 2015"), text("#whatif-result"));
            assertTrue(text("#effects").contains("National Probation Service (London division) withdraws"), text("#effects"));

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
    void aWhatIfAndAPlanCanBeRunFromTheKeyboardAlone() {
        open("/planner.html?asOf=2014-06-30");
        tabTo("#change-type");
        assertEquals("withdraw_funder", find("#change-type").getDomProperty("value"));
        tabTo("#withdraw-funder");
        assertEquals("fund-nhse", find("#withdraw-funder").getDomProperty("value"), "the largest funder comes first");
        tabTo("#add-change");
        new Actions(driver).sendKeys(Keys.ENTER).perform();
        assertEquals("NHS England withdraws its funding", text("#change-0 .bm-change__text"));
        tabTo("#run-scenario");
        new Actions(driver).sendKeys(Keys.ENTER).perform();
        waitFor("#effects", 90);
        assertEquals("whatif-heading", driver.switchTo().activeElement().getDomAttribute("id"), "the result takes the focus");
        tabTo("#map-after .bm-tile");
        String first = driver.switchTo().activeElement().getDomAttribute("data-borough");
        new Actions(driver).sendKeys(Keys.ARROW_RIGHT).perform();
        assertNotEquals(first, driver.switchTo().activeElement().getDomAttribute("data-borough"), "arrows move across the map");
        assertTrue(text("#compare-detail").contains("Before"), text("#compare-detail"));

        tabTo("#plan-posts");
        new Actions(driver).keyDown(Keys.CONTROL).sendKeys("a").keyUp(Keys.CONTROL).sendKeys("2", Keys.ENTER).perform();
        waitForText("#plan-heading", "Where 2 new posts would help most", 60);
        assertEquals("plan-heading", driver.switchTo().activeElement().getDomAttribute("id"));
        assertEquals(2, findAll("#picks-table tbody tr").size());
        assertNoConsoleErrors();
    }

    /** Presses Tab until the focus is on an element matching {@code css}; fails after 200 presses. */
    private static void tabTo(String css) {
        for (int i = 0; i < 200; i++) {
            if (Boolean.TRUE.equals(js("return document.activeElement !== null && document.activeElement.matches(arguments[0])", css))) {
                return;
            }
            new Actions(driver).sendKeys(Keys.TAB).perform();
        }
        fail("Tab never reached " + css);
    }

    @Test
    void thePlannerIsUsableOnANarrowScreen() {
        try {
            resize(375, 800);
            open("/planner.html?asOf=2014-06-30");
            long overflow = ((Number) js("return document.documentElement.scrollWidth - document.documentElement.clientWidth")).longValue();
            assertTrue(overflow <= 0, "page scrolls sideways by " + overflow + " px");
            choose("#change-type", "add_post");
            overflow = ((Number) js("return document.documentElement.scrollWidth - document.documentElement.clientWidth")).longValue();
            assertTrue(overflow <= 0, "page scrolls sideways by " + overflow + " px with a new post's fields shown");
            scrollTo("#builder");
            screenshot("planner-narrow-new-post");
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
