package bridgemap.cli;

import static bridgemap.cli.CliRun.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bridgemap.report.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code timeline} on the London demo: it ends at the data's end, counts financial years, and says the same as the API. */
class TimelineCommandTest {

    private static DemoApi api;

    @BeforeAll
    static void start() {
        api = DemoApi.start();
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return api.get(path);
    }

    /** Issue 14 item 8: no year after the data's end (31 March 2015) unless asked for. */
    @Test
    void theTableEndsAtTheDataAndSaysWhere_issue14() {
        CliRun run = run("timeline");
        assertEquals(0, run.exit(), run.err());
        assertTrue(run.out().contains("The data ends on 2027-03-31"), run.out()); // issue 15: the demo runs to the present
        assertTrue(run.out().contains("2014-06-30"), run.out());
        assertFalse(run.out().contains("2027-06-30"), run.out());
        assertFalse(run.out().contains("after the data"), run.out());
    }

    @Test
    void yearsBeyondTheDataAreMarkedAndTheirFundingIsNotRecorded_issue14() {
        CliRun run = run("timeline", "--until", "2028-12-31");
        assertEquals(0, run.exit(), run.err());
        assertTrue(run.out().contains("are beyond the data"), run.out());
        String y2016 = run.out().lines().filter(l -> l.contains("2028-06-30")).findFirst().orElseThrow();
        assertTrue(y2016.contains("2028 (after the data)"), y2016);
        assertTrue(y2016.contains("not recorded"), y2016);
        assertFalse(y2016.contains("£0"), y2016);
    }

    @Test
    void financialYearsAreHeaded2013Slash14_issue14() {
        CliRun run = run("timeline", "--years", "financial");
        assertEquals(0, run.exit(), run.err());
        assertTrue(run.out().startsWith("Cover and funding by financial year (April–March)"), run.out());
        assertTrue(run.out().lines().anyMatch(l -> l.strip().startsWith("2013/14") && l.contains("2014-03-31")), run.out());
        assertTrue(run.out().lines().anyMatch(l -> l.strip().startsWith("2014/15") && l.contains("2015-03-31")), run.out());
        assertEquals(2, run("timeline", "--years", "fiscal").exit(), "an unknown way of counting is bad input");
    }

    /** The command line's JSON is the API's, for each way of counting and end. */
    @Test
    void theCommandLineAndTheApiAgree_issue14() throws Exception {
        for (String[] ask : new String[][] {{"", ""}, {"financial", ""}, {"calendar", "2016-12-31"}, {"financial", "2017-03-31"}}) {
            String query = "?years=" + ask[0] + "&until=" + ask[1];
            HttpResponse<String> response = get("/api/timeline" + query);
            assertEquals(200, response.statusCode(), response.body());
            java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("timeline", "--format", "json"));
            if (!ask[0].isEmpty()) {
                args.addAll(java.util.List.of("--years", ask[0]));
            }
            if (!ask[1].isEmpty()) {
                args.addAll(java.util.List.of("--until", ask[1]));
            }
            CliRun run = run(args.toArray(String[]::new));
            assertEquals(0, run.exit(), run.err());
            JsonNode api = Json.mapper().readTree(response.body());
            assertEquals(api, Json.mapper().readTree(run.out()), query);
        }
    }

    @Test
    void aBadYearsOrUntilIsA400NamingIt_issue14() throws Exception {
        HttpResponse<String> years = get("/api/timeline?years=fiscal");
        assertEquals(400, years.statusCode());
        assertEquals("years", Json.mapper().readTree(years.body()).get("parameter").asText());
        HttpResponse<String> until = get("/api/timeline?until=2016-13-01");
        assertEquals(400, until.statusCode());
        assertEquals("until", Json.mapper().readTree(until.body()).get("parameter").asText());
    }
}
