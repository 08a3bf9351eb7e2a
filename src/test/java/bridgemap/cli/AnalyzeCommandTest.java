package bridgemap.cli;

import static bridgemap.cli.CliRun.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bridgemap.report.Json;
import bridgemap.catalogue.Analyses;
import bridgemap.catalogue.Analysis;
import bridgemap.testing.TestStore;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code bridgemap analyze …} on the London demo, reached as an external Neo4j. */
class AnalyzeCommandTest {


    @BeforeAll
    static void demo() {
        TestStore.demo();
    }

    @Test
    void gapsSpeaksTheFieldsWords() {
        CliRun run = run("analyze", "gaps", "--as-of", "2014-06-30");
        assertEquals(0, run.exit(), run.err());
        assertTrue(run.out().startsWith("Gaps as of 2014-06-30"), run.out());
        assertTrue(run.out().contains("Between two stools"), run.out());
        // Issue 14: needs by their names in needs.csv ("Substance (drug) misuse"), no longer their codes as words.
        assertTrue(run.out().contains("personality disorder + substance (drug) misuse"), run.out());
        assertTrue(run.out().contains("Dead ends:"), run.out());
        assertTrue(run.out().contains("criminal justice → health"), run.out());
    }

    @Test
    void coverageShowsTheTwentyTwoBoroughsOf2014() {
        CliRun run = run("analyze", "coverage", "--as-of", "2014-06-30");
        assertEquals(0, run.exit(), run.err());
        assertTrue(run.out().contains("22 boroughs with some cover."), run.out());
        assertTrue(run.out().contains("no cover"), run.out());
        assertTrue(run.out().contains("If one funder withdrew"), run.out());
    }

    @Test
    void bottlenecksAndOutcomesAsJson() throws Exception {
        CliRun bottlenecks = run("analyze", "bottlenecks", "--as-of", "2014-06-30", "--format", "json");
        assertEquals(0, bottlenecks.exit(), bottlenecks.err());
        JsonNode b = Json.mapper().readTree(bottlenecks.out());
        assertEquals("2014-06-30", b.get("asOf").asText());
        JsonNode first = b.get("nodes").get(0);
        for (String field : List.of("id", "name", "sector", "kind")) {
            assertTrue(first.get("node").hasNonNull(field), field);
        }
        assertEquals("voluntary", first.get("node").get("sector").asText(), "an FMHP brokers most: " + first);

        CliRun outcomes = run("analyze", "outcomes", "--as-of", "2014-06-30", "--format", "json");
        JsonNode pair = Json.mapper().readTree(outcomes.out()).get("pairs").get(0);
        assertEquals("criminal_justice", pair.get("from").asText());
        assertEquals("health", pair.get("to").asText());
        assertTrue(pair.get("brokered").get("acceptance").get("lower").asDouble()
                > pair.get("direct").get("acceptance").get("upper").asDouble(),
                "in the (synthetic) demo, brokered hand-offs are accepted more often: " + pair);
    }

    @Test
    void csvSectionsForTools() {
        CliRun all = run("analyze", "coverage", "--as-of", "2014-06-30", "--format", "csv");
        assertEquals(0, all.exit(), all.err());
        assertTrue(all.out().startsWith("# places\nborough_id,borough,setting_kind,"), all.out());
        CliRun one = run("analyze", "coverage", "--as-of", "2014-06-30", "--format", "csv", "--section", "funder_loss");
        assertEquals("funder_id,funder,practitioners_lost,places_lost,places", one.out().lines().findFirst().orElseThrow());
        assertTrue(one.out().lines().anyMatch(l -> l.startsWith("fund-nhse,NHS England,")), one.out());
    }

    @Test
    void oneBoroughOnly() {
        CliRun run = run("analyze", "coverage", "--as-of", "2014-06-30", "--borough", "E09000019");
        assertEquals(0, run.exit(), run.err());
        assertTrue(run.out().contains("Islington"), run.out());
        assertTrue(run.out().lines().noneMatch(l -> l.contains("Hackney")), run.out());
    }

    @Test
    void everyAnalysisOfTheCatalogueIsACommandWithItsSummaryAndSections() {
        CliRun list = run("analyze", "--help");
        assertEquals(0, list.exit(), list.err());
        CliRun none = run("analyze");
        assertEquals(2, none.exit());
        assertTrue(none.err().contains("name an analysis: " + String.join(", ", Analyses.names())), none.err());
        for (Analysis<?> each : Analyses.ALL) {
            assertTrue(list.out().contains("  " + each.name() + " "), each.name() + " is listed: " + list.out());
            CliRun help = run("analyze", each.name(), "--help");
            assertEquals(0, help.exit(), help.err());
            String words = help.out().replaceAll("\\s+", " ");
            assertTrue(words.contains(each.summary()), each.name() + ": " + help.out());
            assertTrue(words.contains("CSV sections: " + String.join(", ", each.csvSections()) + "."), help.out());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"--borough=E09000099", "--as-of=2014-13-01", "--format=xml"})
    void badOptionsAreBadInput(String option) {
        CliRun run = run("analyze", "gaps", option);
        assertEquals(2, run.exit(), run.out() + run.err());
        assertTrue(!run.err().isBlank());
    }

    @Test
    void earlierDatesTellTheEarlierStory() {
        CliRun run = run("analyze", "coverage", "--as-of", "1999-06-30");
        assertEquals(0, run.exit(), run.err());
        assertTrue(run.out().contains("boroughs with some cover."), run.out());
        CliRun empty = run("analyze", "bottlenecks", "--as-of", "1990-01-01");
        assertEquals(0, empty.exit(), empty.err());
        assertTrue(empty.out().contains("No referrals in the window"), empty.out());
    }

    /** Issue 14, item 6: Lambeth's bottlenecks find no cut vertex, yet losing fmhp-lam-05 uncovers a setting. */
    @Test
    void pointsOfFailureNameLambethsOnlyProbationPractitionerWithItsCoverAndFlow_issue14() throws Exception {
        CliRun run = run("analyze", "points-of-failure", "--as-of", "2014-06-30", "--borough", "E09000022");
        assertEquals(0, run.exit(), run.err());
        assertTrue(run.out().startsWith("Single points of failure as of 2014-06-30"), run.out());
        assertTrue(run.out().contains("  1. fmhp-lam-05 at Lambeth probation office (practitioner) — "), run.out());
        assertTrue(run.out().contains("the only practitioner at Lambeth probation office (N−1 practitioner loss); "
                + "carries 71% of its people to health (main broker); "
                + "the referral network stays in one piece without it (not a cut vertex)"), run.out());
        assertTrue(run.out().contains("0 of them are a cut vertex of the referral graph."), run.out());

        JsonNode json = Json.mapper().readTree(run("analyze", "points-of-failure", "--as-of", "2014-06-30", "--borough",
                "E09000022", "--format", "json").out());
        JsonNode first = json.get("points").get(0);
        assertEquals("fmhp-lam-05", first.get("id").asText());
        assertEquals("main_broker", first.get("reasons").get(1).get("code").asText());
        assertEquals(20.0 / 28, first.get("reasons").get(1).get("share").asDouble(), 1e-9, "71%");

        CliRun csv = run("analyze", "points-of-failure", "--as-of", "2014-06-30", "--borough", "E09000022", "--format", "csv",
                "--section", "points");
        assertTrue(csv.out().startsWith("rank,type,id,name,people,cover,flow,structure,cut_vertex,reasons,places"), csv.out());
        assertTrue(csv.out().lines().skip(1).findFirst().orElse("").startsWith("1,practitioner,fmhp-lam-05,"), csv.out());
    }
}
