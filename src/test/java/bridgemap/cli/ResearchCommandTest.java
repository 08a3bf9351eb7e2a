package bridgemap.cli;

import static bridgemap.cli.CliRun.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bridgemap.report.Json;
import bridgemap.privacy.Role;
import bridgemap.testing.TestStore;
import bridgemap.testing.TokenServer;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code bridgemap research pathways|compare}: the same answers as the API, a table for people, clear refusals. */
class ResearchCommandTest {

    private static final String[] QUESTION = {"--need", "psychosis", "--need", "substance_misuse", "--financial-year", "2013/14"};

    @BeforeAll
    static void demo() {
        TestStore.demo();
    }

    private static String[] args(String... more) {
        String[] all = new String[2 + QUESTION.length + more.length];
        all[0] = "research";
        all[1] = "pathways";
        System.arraycopy(QUESTION, 0, all, 2, QUESTION.length);
        System.arraycopy(more, 0, all, 2 + QUESTION.length, more.length);
        return all;
    }

    @Test
    void theCommandLineAndTheApiGiveAResearcherTheSameFigures() throws Exception {
        CliRun cli = run(args("--format", "json", "--role", "researcher"));
        assertEquals(0, cli.exit(), cli.err());
        try (TokenServer server = TokenServer.start("research-command")) {
            HttpResponse<String> api = server.get(Role.RESEARCHER,
                    "/api/research/pathways?need=psychosis&need=substance_misuse&financialYear=2013/14");
            assertEquals(Json.mapper().readTree(api.body()), Json.mapper().readTree(cli.out()));
        }
    }

    @Test
    void aTableForPeopleWithTheChainsAndTheirDays() {
        CliRun table = run(args());
        assertEquals(0, table.exit(), table.err());
        // Issue 14: needs by their names in needs.csv, as the research page writes them.
        assertTrue(table.out().startsWith("Pathways of people with psychosis and substance (drug) misuse, entering 2013-04-01 to "
                + "2014-03-31"), table.out());
        assertTrue(table.out().contains("magistrates' court → FMHP → dual diagnosis service"), table.out());
        assertTrue(table.out().contains("other pathways"), table.out());
        CliRun compare = run("research", "compare", "--need", "psychosis", "--need", "substance_misuse", "--financial-year",
                "2013/14", "--versus-need", "psychosis", "--versus-match", "exactly");
        assertEquals(0, compare.exit(), compare.err());
        assertTrue(compare.out().contains("not a cause") && compare.out().contains("people with exactly psychosis"),
                compare.out());
        CliRun csv = run(args("--format", "csv", "--role", "researcher"));
        assertTrue(csv.out().startsWith("# summary"), csv.out());
    }

    @Test
    void badQuestionsExitWith2AndSayWhy() {
        CliRun unknown = run("research", "pathways", "--need", "astrology");
        assertEquals(2, unknown.exit());
        assertTrue(unknown.err().contains("unknown need \"astrology\""), unknown.err());
        CliRun named = run(args("--level", "service", "--role", "researcher"));
        assertEquals(2, named.exit());
        assertTrue(named.err().contains("researchers group by sector or kind"), named.err());
        CliRun same = run("research", "compare", "--need", "psychosis");
        assertEquals(2, same.exit());
        assertTrue(same.err().contains("say how the second cohort differs"), same.err());
    }
}
