package bridgemap.cli;

import static bridgemap.cli.CliRun.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Issue 14 item 7 on the command line, against the API's JSON: posts, need names, borough names in headings. */
class PlainWordsTest {

    /** Need codes whose words differ from the demo's names: none of these may be read in a table. */
    private static final List<String> CODE_WORDS = List.of("mood anxiety", "self harm", "women specific");
    private static DemoApi api;

    @BeforeAll
    static void start() {
        api = DemoApi.start();
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    private static JsonNode json(String path) throws Exception {
        return api.json(path);
    }

    @Test
    void fundingEndingListsPostsAndWhoHoldsThem_issue14() throws Exception {
        JsonNode ending = json("/api/analysis/coverage?asOf=2014-06-30").get("fundingEnding");
        assertTrue(ending.size() > 0);
        JsonNode post = ending.get(0).get("post");
        assertEquals("FMHP", post.get("role").asText());
        assertEquals("together", post.get("host").get("id").asText(), "the host agency");
        assertTrue(post.get("description").asText().startsWith("FMHP held by Together for Mental Wellbeing (MACA before its rename) at "), post.toString());
        CliRun coverage = run("analyze", "coverage", "--as-of", "2014-06-30");
        assertEquals(0, coverage.exit(), coverage.err());
        String cell = post.get("description").asText();
        assertTrue(coverage.out().contains(cell.substring(0, Math.min(cell.length(), 60))), coverage.out());
        CliRun funding = run("analyze", "funding", "--as-of", "2014-06-30");
        assertTrue(funding.out().contains(cell.substring(0, Math.min(cell.length(), 60))), funding.out());
        JsonNode report = json("/api/analysis/funding?asOf=2014-06-30");
        assertEquals(ending.get(0).get("post"), report.get("endingWithinYear").get(0).get("post"));
    }

    @Test
    void needsAreNamedAsNeedsCsvNamesThem_issue14() throws Exception {
        JsonNode names = json("/api/vocabulary").get("needs");
        String moodAnxiety = null;
        for (JsonNode n : names) {
            if (n.get("id").asText().equals("mood_anxiety")) {
                moodAnxiety = n.get("name").asText();
            }
        }
        assertEquals("Depression and anxiety", moodAnxiety);
        CliRun gaps = run("analyze", "gaps", "--as-of", "2014-06-30");
        assertEquals(0, gaps.exit(), gaps.err());
        assertTrue(gaps.out().contains("depression and anxiety"), gaps.out());
        CODE_WORDS.forEach(code -> assertFalse(gaps.out().contains(code), code + " in:\n" + gaps.out()));
        CliRun whatIf = run("whatif", Path.of("docs/scenarios/nhse-withdraws-2014.json").toString(), "--as-of", "2014-06-30");
        assertEquals(0, whatIf.exit(), whatIf.err());
        CODE_WORDS.forEach(code -> assertFalse(whatIf.out().contains(code), code + " in:\n" + whatIf.out()));
    }

    @Test
    void headingsNameTheBorough_issue14() {
        CliRun coverage = run("analyze", "coverage", "--as-of", "2014-06-30", "--borough", "E09000022");
        assertTrue(coverage.out().startsWith("Coverage as of 2014-06-30 in Lambeth"), coverage.out());
        CliRun outcomes = run("analyze", "outcomes", "--as-of", "2014-06-30", "--borough", "lambeth");
        assertTrue(outcomes.out().contains("for the cases of Lambeth"), outcomes.out());
        CliRun gaps = run("analyze", "gaps", "--as-of", "2014-06-30", "--borough", "Lambeth");
        assertTrue(gaps.out().startsWith("Gaps as of 2014-06-30 in Lambeth"), gaps.out());
        CliRun whatIf = run("whatif", "docs/scenarios/nhse-withdraws-2014.json", "--as-of", "2014-06-30", "--borough", "Lambeth");
        assertTrue(whatIf.out().startsWith("What if: nhse-withdraws, as of 2014-06-30 in Lambeth"), whatIf.out());
    }

    /** Issue 14: a rate from fewer than 10 people carries a caution, beside its interval where one is computed. */
    @Test
    void aRateFromFewerThanTenPeopleCarriesACaution_issue14() throws Exception {
        JsonNode byHandOff = json("/api/analysis/gaps?asOf=2014-06-30&borough=E09000022").get("deadEnds").get("byHandOff");
        CliRun gaps = run("analyze", "gaps", "--as-of", "2014-06-30", "--borough", "Lambeth");
        int small = 0;
        for (JsonNode h : byHandOff) {
            long resolved = h.get("resolved").asLong();
            if (resolved > 0 && resolved < 10) {
                small++;
                assertTrue(gaps.out().contains("(only " + resolved + " people: caution)"), gaps.out());
            }
        }
        assertTrue(small > 0, "Lambeth has a hand-off with fewer than 10 people resolved");
        for (JsonNode h : json("/api/analysis/gaps?asOf=2014-06-30&borough=E09000022").get("handOffLoss").get("handOffs")) {
            long decided = h.get("total").asLong() - h.get("pending").asLong();
            String handOffs = gaps.out().substring(gaps.out().indexOf("Hand-offs that lose people"),
                    gaps.out().indexOf("Courts and custody suites"));
            String line = handOffs.lines().filter(l -> l.contains(" " + h.get("total").asLong() + " ")
                    && l.contains(h.get("from").asText().replace('_', ' ') + " → " + h.get("to").asText().replace('_', ' ')))
                    .findFirst().orElse("");
            assertFalse(line.isEmpty(), h.toString());
            assertEquals(decided > 0 && decided < 10, line.contains("referrals: caution"), line);
        }
        JsonNode pairs = json("/api/analysis/outcomes?asOf=2014-06-30&borough=E09000022").get("pairs");
        CliRun outcomes = run("analyze", "outcomes", "--as-of", "2014-06-30", "--borough", "Lambeth");
        int cautioned = 0;
        for (JsonNode pair : pairs) {
            for (String route : List.of("brokered", "direct")) {
                long resolved = pair.get(route).get("resolvedCases").asLong();
                if (resolved > 0 && resolved < 10) {
                    cautioned++;
                    assertTrue(outcomes.out().contains("(only " + resolved + " people: caution)"), outcomes.out());
                }
            }
        }
        assertTrue(cautioned > 0, "Lambeth has an outcome from fewer than 10 people");
        CliRun london = run("analyze", "outcomes", "--as-of", "2014-06-30");
        String brokered = london.out().lines().filter(l -> l.contains("criminal justice → health")).findFirst().orElseThrow();
        assertFalse(brokered.contains("caution"), "1,197 people need no caution: " + brokered);
    }
}
