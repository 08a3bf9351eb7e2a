package bridgemap.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bridgemap.cli.BridgemapCommand;
import bridgemap.report.Json;
import bridgemap.testing.TestStore;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * Issue 14: the planner's default demand on the demo is activity × prevalence, and the Planner page, the API and the
 * command line give the same plan and say the same about where its demand comes from.
 */
class PlannerDemandTest extends BrowserHarness {

    private static final String SOURCE_LABELS = "activity × share flagged with mental-health needs|activity × documented "
            + "prevalence|people referred \\(no activity figures\\)";

    private static String cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        var cli = BridgemapCommand.commandLine(TestStore.externalEnv());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        assertEquals(0, cli.execute(args), err.toString());
        return out.toString();
    }

    @Test
    void theDefaultPlanIsActivityDemandTheSameOnThePageTheApiAndTheCommandLine() throws Exception {
        JsonNode plan = api("/api/plans", "{\"posts\": 3, \"asOf\": \"2014-06-30\"}");
        assertEquals("activity", plan.get("demand").asText());
        assertEquals(3, plan.get("picks").size());

        // The command line's JSON is the API's, field for field.
        JsonNode cliJson = Json.mapper().readTree(cli("plan", "--posts", "3", "--as-of", "2014-06-30", "--format", "json"));
        assertEquals(plan, cliJson);
        // Its table says the same: the unmet demand, where it comes from, and each pick's gain and settings.
        String table = cli("plan", "--posts", "3", "--as-of", "2014-06-30");
        int unmet = plan.get("unmetDemand").asInt();
        assertTrue(table.contains(String.format(Locale.ROOT, "Demand: the %,d people with mental-health needs estimated", unmet)),
                table);
        for (JsonNode source : plan.get("demandSources")) {
            assertTrue(table.contains(String.format(Locale.ROOT, "%,d", source.get("people").asInt())), table);
        }
        for (JsonNode pick : plan.get("picks")) {
            for (JsonNode d : pick.get("demand")) {
                assertTrue(table.contains(pick.get("rank").asInt() + ". " + d.get("setting").asText() + ": "), table);
            }
        }

        // The page, with no demand chosen, asks for the default and answers with the API's plan.
        open("/planner.html?asOf=2014-06-30");
        find("#plan-run").click();
        waitFor("#picks-table", 60);
        assertTrue(find("#plan-demand-activity").isSelected(), "the page shows which demand the plan used");
        String intro = text("#plan-result");
        assertTrue(intro.contains(String.format(Locale.ROOT, "%,d people with mental-health needs are estimated", unmet)), intro);
        List<WebElement> rows = findAll("#picks-table tbody tr");
        assertEquals(3, rows.size());
        for (int i = 0; i < 3; i++) {
            JsonNode pick = plan.get("picks").get(i);
            List<String> cells = rows.get(i).findElements(By.cssSelector("th, td")).stream().map(WebElement::getText).toList();
            assertEquals(pick.get("boroughName").asText(), cells.get(1));
            assertEquals(String.format(Locale.ROOT, "%,d", pick.get("gain").asInt()), cells.get(4), "gain of pick " + (i + 1));
            assertEquals(String.format(Locale.ROOT, "%,d", pick.get("cumulative").asInt()), cells.get(5));
            assertTrue(cells.get(7).matches("(" + SOURCE_LABELS + ")( [0-9,]+)?(; .*)?"), cells.get(7));
            String sourcesLine = table.lines().filter(l -> l.trim().startsWith(pick.get("rank").asInt() + " ")).findFirst()
                    .orElseThrow();
            assertTrue(sourcesLine.contains(cells.get(7).split(";")[0]), sourcesLine + " | " + cells.get(7));
        }
        List<String> settings = texts("#plan-sources li");
        for (int i = 0; i < 3; i++) {
            for (JsonNode d : plan.get("picks").get(i).get("demand")) {
                assertTrue(settings.get(i).contains(d.get("setting").asText()), settings.get(i));
            }
        }
        screenshot("planner-plan-activity");
        assertNoConsoleErrors();
    }
}
