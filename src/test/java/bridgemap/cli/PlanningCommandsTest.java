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
        assertTrue(run.out().contains("Haringey Crown Court loses all 4 practitioners"), run.out());
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
