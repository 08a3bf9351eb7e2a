package bridgemap.cli;

import static bridgemap.cli.CliRun.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bridgemap.testing.TestStore;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** whatif, scenarios, plan, timeline and analyze funding on the London demo. */
class PlanningCommandsTest {


    @TempDir
    Path temp;

    @BeforeAll
    static void demo() {
        TestStore.demo();
    }

    @Test
    void whatIfNhsEnglandWithdrawsThenSaveRerunAndDelete() throws Exception {
        Path file = Path.of("docs/scenarios/nhse-withdraws-2014.json");
        CliRun run = run("whatif", file.toString(), "--as-of", "2014-06-30", "--save");
        assertEquals(0, run.exit(), run.err());
        assertTrue(run.out().contains("Wood Green Crown Court (Haringey) loses all 4 practitioners"), run.out());
        assertTrue(run.out().contains("Saved as \"nhse-withdraws\"."), run.out());
        assertTrue(run("scenarios", "list").out().contains("nhse-withdraws"));
        CliRun rerun = run("scenarios", "run", "nhse-withdraws", "--as-of", "2014-01-01");
        assertEquals(0, rerun.exit(), rerun.err());
        assertTrue(rerun.out().startsWith("What if: nhse-withdraws, as of 2014-01-01"), rerun.out());
        assertEquals(0, run("scenarios", "delete", "nhse-withdraws").exit());
        assertEquals(2, run("scenarios", "show", "nhse-withdraws").exit(), "an unknown name is bad input");
    }

    @Test
    void aBadScenarioFileIsBadInputWithEveryProblem() throws Exception {
        Path bad = temp.resolve("bad.json");
        Files.writeString(bad, "{\"changes\": [{\"type\": \"remove_practitioner\", \"practitioner\": \"nobody\"}, "
                + "{\"type\": \"close_setting\"}]}");
        CliRun run = run("whatif", bad.toString());
        assertEquals(2, run.exit());
        assertEquals("changes[1].setting: required", run.err().lines().findFirst().orElseThrow());
    }

    @Test
    void planShowsEachPickWithItsGain() {
        CliRun run = run("plan", "--posts", "3", "--as-of", "2014-06-30");
        assertEquals(0, run.exit(), run.err());
        assertTrue(run.out().startsWith("Best 3 new posts as of 2014-06-30"), run.out());
        assertTrue(run.out().lines().anyMatch(l -> l.matches("\\s+3\\s+\\S.*")), run.out());
        assertEquals(2, run("plan", "--posts", "0").exit());
    }

    /**
     * Issue 14: "if NHS England withdraws, where should 3 new posts go?" — from the scenario file or the saved scenario of
     * that name, with what it did, what the posts cost and how they were chosen. The same picks as the API and the
     * Planner page give ({@code web/PlannerTest}).
     */
    @Test
    void planStartsFromAScenarioAndSaysWhatItCosts() {
        CliRun run = run("plan", "--posts", "3", "--as-of", "2014-06-30", "--demand", "cases", "--scenario", "docs/scenarios/nhse-withdraws-2014.json");
        assertEquals(0, run.exit(), run.err());
        String out = run.out();
        assertTrue(out.contains("After the scenario \"nhse-withdraws\":\n"
                + "  NHS England withdraws: 26 posts lose funding, 24 of them end (no other funder)\n"
                + "  498 people were seen by posts that end: "), out);
        assertTrue(out.contains("Demand: the 784 people seen in the year"), out);
        assertTrue(out.lines().anyMatch(l -> l.matches("\\s+1\\s+Havering\\s+police custody\\s+72\\s+72\\s+9\\.2%\\s+£40,930\\s+Romford.*")), out);
        assertTrue(out.lines().anyMatch(l -> l.matches("\\s+2\\s+Kingston upon Thames\\s+police custody\\s+66\\s+138\\s.*")), out);
        assertTrue(out.lines().anyMatch(l -> l.matches("\\s+3\\s+Haringey\\s+Crown Court\\s+61\\s+199\\s.*Wood Green Crown Court")), out);
        assertTrue(out.contains("Cost per post: £40,930 a year (1.0 FTE × the median funding a year per FTE of the 51 funded "
                + "posts in post on 2014-06-30).\nTotal: £122,790 a year for 3 posts.\nBudget: none given.\n"
                + "Greedy maximum coverage: each pick adds the most people not yet met; within 1 − 1/e of the best possible."), out);

        assertEquals(0, run("whatif", "docs/scenarios/nhse-withdraws-2014.json", "--save").exit());
        try {
            CliRun byName = run("plan", "--posts", "3", "--as-of", "2014-06-30", "--demand", "cases", "--scenario", "nhse-withdraws");
            assertEquals(0, byName.exit(), byName.err());
            assertEquals(out, byName.out(), "the saved scenario plans as its file does");
        } finally {
            run("scenarios", "delete", "nhse-withdraws");
        }
    }

    /**
     * Issue 14: by default a plan after the withdrawal counts the people with mental-health needs passing through the
     * places left without cover (activity × prevalence on the demo), and says so and where each pick's people come from.
     */
    @Test
    void byDefaultAPlanAfterTheWithdrawalCountsActivityAndSaysSo() {
        CliRun run = run("plan", "--posts", "3", "--as-of", "2014-06-30", "--scenario", "docs/scenarios/nhse-withdraws-2014.json");
        assertEquals(0, run.exit(), run.err());
        String out = run.out();
        assertTrue(out.contains("Demand: the 105,782 people with mental-health needs estimated to pass through those places' settings"), out);
        assertTrue(out.contains("Where each pick's people come from:"), out);
        assertTrue(out.contains("  police custody 33%: a third of London custody records"), out);
    }

    /** Issue 14: a budget that buys two posts at £40,000 each gives the first two picks, and says so. */
    @Test
    void aBudgetThatBuysFewerPostsGivesFewerPicks() {
        CliRun two = run("plan", "--posts", "3", "--as-of", "2014-06-30", "--demand", "cases", "--scenario", "docs/scenarios/nhse-withdraws-2014.json",
                "--cost-per-post", "£40,000", "--budget", "80k");
        assertEquals(0, two.exit(), two.err());
        String out = two.out();
        assertTrue(out.startsWith("Best 2 new posts as of 2014-06-30"), out);
        assertTrue(out.lines().anyMatch(l -> l.matches("\\s+2\\s+Kingston upon Thames\\s+police custody\\s+66\\s+138\\s.*£40,000.*")), out);
        assertTrue(out.lines().noneMatch(l -> l.matches("\\s+3\\s+.*")), out);
        assertTrue(out.contains("Cost per post: £40,000 a year (as given).\nTotal: £80,000 a year for 2 posts.\n"
                + "Budget: £80,000 a year.\nEvery post costs the same, so the budget buys at most 2 posts;"), out);
        CliRun none = run("plan", "--posts", "3", "--as-of", "2014-06-30", "--cost-per-post", "40000", "--budget", "£39,999");
        assertEquals(0, none.exit(), none.err());
        assertTrue(none.out().contains("  The budget buys no post: nothing to place."), none.out());
    }

    @Test
    void aBadBudgetOrScenarioIsBadInputNamingTheOption() {
        CliRun bad = run("plan", "--posts", "3", "--budget", "lots");
        assertEquals(2, bad.exit());
        assertEquals("bridgemap plan: error: --budget: \"lots\" is not an amount of pounds more than £0; give one such as "
                + "250000, £250,000 or 250k", bad.err().strip());
        CliRun cost = run("plan", "--posts", "3", "--cost-per-post", "-5");
        assertEquals(2, cost.exit());
        assertTrue(cost.err().contains("--cost-per-post: \"-5\" is not an amount of pounds"), cost.err());
        CliRun unknown = run("plan", "--posts", "3", "--scenario", "nobody-saved-this");
        assertEquals(2, unknown.exit());
        assertTrue(unknown.err().contains("--scenario: no saved scenario is called \"nobody-saved-this\""), unknown.err());
    }

    @Test
    void timelineAndFunding() {
        CliRun timeline = run("timeline");
        assertEquals(0, timeline.exit(), timeline.err());
        assertTrue(timeline.out().contains("1993-06-30"), timeline.out());
        CliRun funding = run("analyze", "funding", "--as-of", "2014-06-30");
        assertEquals(0, funding.exit(), funding.err());
        assertTrue(funding.out().contains("NHS England"), funding.out());
    }
}
