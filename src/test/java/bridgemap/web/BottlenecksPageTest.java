package bridgemap.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bridgemap.cli.BridgemapCommand;
import bridgemap.testing.TestStore;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 14, items 5 and 6: the Bottlenecks page's single points of failure and services over capacity or with long
 * waits say what {@code GET /api/analysis/…} and {@code bridgemap analyze …} say, in the same words.
 */
class BottlenecksPageTest extends BrowserHarness {

    private static final String LAMBETH = "E09000022";

    /** {@code bridgemap analyze ARGS} in-process against the shared demo store: what it printed. */
    private static String cli(String... args) {
        StringWriter out = new StringWriter();
        var cli = BridgemapCommand.commandLine(TestStore.externalEnv());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(new StringWriter(), true));
        assertEquals(0, cli.execute(args), String.join(" ", args));
        return out.toString();
    }

    /** A reason as the page and the command line write it: its words, the share as a whole percentage, its term. */
    private static String reason(JsonNode x) {
        String words = x.get("words").asText();
        if (x.get("share").isNumber()) {
            words = words.replace("{share}", Math.round(x.get("share").asDouble() * 100) + "%");
        }
        return words + " (" + x.get("term").asText() + ")";
    }

    private static String heading(JsonNode point) {
        long people = point.get("people").asLong();
        return String.format("%s (%s) — %,d %s on it", point.get("name").asText(), point.get("type").asText(), people,
                people == 1 ? "person depends" : "people depend");
    }

    private static String reasons(JsonNode point) {
        List<String> parts = new ArrayList<>();
        point.get("reasons").forEach(x -> parts.add(reason(x)));
        return String.join("; ", parts);
    }

    /** The page, the API and the command line name the same points in the same order and words. */
    private static void agree(String query, String where, String... cliArgs) {
        JsonNode api = api("/api/analysis/points-of-failure?" + query, null);
        String printed = cli(cliArgs);
        String summary = text("#points-summary").replace(where, "");
        assertTrue(printed.contains(summary + System.lineSeparator()) || printed.contains(summary + "\n"),
                "the command line says " + summary + " in\n" + printed);
        List<String> shown = texts("#points-list > li");
        assertEquals(Math.min(15, api.get("points").size()), shown.size());
        for (int i = 0; i < shown.size(); i++) {
            JsonNode point = api.get("points").get(i);
            assertEquals(heading(point) + ": " + reasons(point), shown.get(i), "point " + (i + 1));
            String cliLines = String.format("%3d. %s%n     %s%n", i + 1, heading(point), reasons(point));
            assertTrue(printed.contains(cliLines), "the command line prints " + cliLines + " in\n" + printed);
        }
    }

    @Test
    void lambethsSinglePointOfFailureIsFmhpLam05OnThePageTheApiAndTheCommandLine_issue14() {
        open("/bottlenecks.html?asOf=2014-06-30&borough=" + LAMBETH);
        waitFor("#points-list", 30);
        String first = text("#points-list > li:first-child");
        assertTrue(first.startsWith("fmhp-lam-05 at Lambeth probation office (practitioner) — "), first);
        assertTrue(first.contains("the only practitioner at Lambeth probation office (N−1 practitioner loss); "
                + "carries 71% of its people to health (main broker); "
                + "the referral network stays in one piece without it (not a cut vertex)"), first);
        assertEquals("fmhp-lam-05", find("#points-list > li:first-child").getDomAttribute("data-id"));
        agree("asOf=2014-06-30&borough=" + LAMBETH, " in Lambeth", "analyze", "points-of-failure", "--as-of", "2014-06-30",
                "--borough", LAMBETH);
        scrollTo("#points-of-failure");
        screenshot("points-of-failure-lambeth-2014");
        assertNoConsoleErrors();
    }

    @Test
    void everyBoroughsPointsOfFailureAgreeAndTheBoroughFilterChangesThem() {
        open("/bottlenecks.html?asOf=2014-06-30");
        waitFor("#points-list", 30);
        assertEquals("fund-nhse", find("#points-list > li:first-child").getDomAttribute("data-id"),
                "London-wide, NHS England's withdrawal would leave eight places with no practitioner");
        agree("asOf=2014-06-30", "", "analyze", "points-of-failure", "--as-of", "2014-06-30");
        assertNoConsoleErrors();
    }

    @Test
    void servicesOverCapacityAndLongWaitsSayWhatTheCommandLineSays() {
        open("/bottlenecks.html?asOf=2014-06-30&borough=" + LAMBETH);
        waitFor("#capacity-table", 30);
        String printed = cli("analyze", "bottlenecks", "--as-of", "2014-06-30", "--borough", LAMBETH);
        JsonNode capacity = api("/api/analysis/bottlenecks?asOf=2014-06-30&borough=" + LAMBETH, null).get("capacity");
        long over = 0;
        long stated = 0;
        for (JsonNode s : capacity.get("services")) {
            over += s.get("overCapacity").asBoolean() ? 1 : 0;
            stated += s.get("capacityPerMonth").isNull() ? 0 : 1;
        }
        String summary = text("#over-capacity-summary");
        assertTrue(summary.endsWith(": " + over + " of " + stated + "."), summary);
        assertTrue(printed.contains(summary.substring(0, summary.length() - 1)), "the command line says " + summary);
        String waits = text("#long-wait-summary");
        assertTrue(printed.contains(waits.substring(0, waits.length() - 1)), "the command line says " + waits);
        if (over == 0) {
            String fullest = text("#fullest");
            assertTrue(fullest.startsWith("Fullest: " + capacity.get("services").get(0).get("service").get("name").asText()), fullest);
            assertTrue(printed.contains("  " + fullest + "\n") || printed.contains("  " + fullest + System.lineSeparator()),
                    "the command line says " + fullest + " in\n" + printed);
        }
        assertEquals(capacity.get("services").get(0).get("service").get("name").asText(),
                text("#capacity-table tbody tr:first-child > :first-child"), "the fullest service first");
        assertNoConsoleErrors();
    }
}
