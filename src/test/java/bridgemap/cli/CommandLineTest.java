package bridgemap.cli;

import static bridgemap.cli.CliRun.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bridgemap.report.Json;
import bridgemap.store.StoreStats;
import bridgemap.testing.TestStore;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The {@code bridgemap} commands run in-process. They reach the shared test store through
 * {@code BRIDGEMAP_NEO4J_URI}, exactly as they would reach an external Neo4j server.
 */
class CommandLineTest {

    @TempDir
    Path temp;


    @BeforeEach
    void emptyStore() {
        TestStore.clear();
    }

    @Test
    void importPrintsASummaryAndASecondImportChangesNothing() {
        CliRun first = run("import", TestStore.bundlePath("tiny").toString());
        assertEquals(0, first.exit(), first.err());
        assertTrue(first.out().startsWith("Imported tiny in "), first.out());
        assertTrue(first.out().contains("34 rows — 34 created, 0 updated, 0 unchanged."), first.out());
        CliRun second = run("import", TestStore.bundlePath("tiny").toString());
        assertEquals(0, second.exit(), second.err());
        assertTrue(second.out().contains("The store already held this bundle exactly: nothing changed."), second.out());
    }

    @Test
    void aBadBundlePrintsEveryProblemExitsTwoAndWritesNothing() throws Exception {
        Path bad = TestStore.copyBundle("tiny", temp.resolve("bad"));
        Files.writeString(bad.resolve("settings.csv"), Files.readString(bad.resolve("settings.csv"))
                .replace("E09000019,hmcts", "E09000099,hmcts").replace("police_custody", "police_cell"));
        Files.writeString(bad.resolve("referrals.csv"), Files.readString(bad.resolve("referrals.csv"))
                .replace("2014-02-03", "3 Feb 2014"));
        CliRun run = run("import", bad.toString());
        assertEquals(2, run.exit());
        assertEquals(List.of(
                "settings.csv:2: borough: unknown borough \"E09000099\" (not in this bundle or the store)",
                "settings.csv:4: kind: unknown setting kind \"police_cell\" (expected one of: police_custody, "
                        + "magistrates_court, crown_court, probation_office, prison, community)",
                "referrals.csv:2: date: \"3 Feb 2014\" is not a date (expected YYYY-MM-DD)",
                "bridgemap import: " + bad + " rejected with 3 problems; nothing was written."),
                run.err().lines().toList());
        assertEquals(0, TestStore.stats().nodeCount());
    }

    @Test
    void aMissingBundleIsBadInput() {
        CliRun run = run("import", temp.resolve("nowhere").toString());
        assertEquals(2, run.exit());
        assertTrue(run.err().startsWith("nowhere:0: (bundle): no such folder or .zip file: "), run.err());
    }

    @Test
    void statsAsJsonCountsLabelsAndRelationships() throws Exception {
        assertEquals(0, run("import", TestStore.bundlePath("tiny").toString()).exit());
        CliRun run = run("stats", "--format", "json");
        assertEquals(0, run.exit(), run.err());
        JsonNode json = Json.mapper().readTree(run.out());
        assertEquals(List.of("labels", "relationships"), names(json.fieldNames()));
        assertEquals(2, json.get("labels").get("Borough").asInt());
        assertEquals(4, json.get("relationships").get("FROM").asInt());
        StoreStats stats = TestStore.stats();
        assertEquals(stats.nodeCount(), sum(json.get("labels")));
    }

    @Test
    void statsAsATable() {
        assertEquals(0, run("import", TestStore.bundlePath("tiny").toString()).exit());
        CliRun run = run("stats");
        assertEquals(0, run.exit(), run.err());
        assertTrue(run.out().lines().anyMatch(l -> l.matches("Borough\\s+2")), run.out());
        assertTrue(run.out().lines().anyMatch(l -> l.matches("PLACED_AT\\s+3")), run.out());
    }

    @ParameterizedTest
    @ValueSource(strings = {"serve", "import", "demo", "stats"})
    void everyCommandHasHelp(String command) {
        CliRun run = run(command, "--help");
        assertEquals(0, run.exit());
        assertTrue(run.out().startsWith("Usage: bridgemap " + command), run.out());
        assertTrue(run.out().contains("--data=DIR"), run.out());
    }

    @Test
    void topLevelHelpListsTheCommands() {
        CliRun run = run("--help");
        assertEquals(0, run.exit());
        for (String command : List.of("serve", "import", "demo", "stats")) {
            assertTrue(run.out().contains("  " + command + " "), run.out());
        }
    }

    @Test
    void anUnsupportedStoreUriIsBadInput() {
        Map<String, String> env = new HashMap<>();
        env.put("BRIDGEMAP_NEO4J_URI", "http://localhost:7474");
        CliRun run = run(env, "stats");
        assertEquals(2, run.exit());
        assertTrue(run.err().contains("BRIDGEMAP_NEO4J_URI must start with one of"), run.err());
    }

    private static <T> List<T> names(java.util.Iterator<T> it) {
        List<T> list = new java.util.ArrayList<>();
        it.forEachRemaining(list::add);
        return list;
    }

    private static long sum(JsonNode counts) {
        long total = 0;
        for (JsonNode n : counts) {
            total += n.asLong();
        }
        return total;
    }
}
