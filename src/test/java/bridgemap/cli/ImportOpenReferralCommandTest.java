package bridgemap.cli;

import static bridgemap.cli.CliRun.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bridgemap.testing.TestStore;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bridgemap import-openreferral} on the UK profile's example, in-process, through BRIDGEMAP_NEO4J_URI. */
class ImportOpenReferralCommandTest {

    private static final Path EXAMPLE = Path.of("src/test/resources/openreferral/uk-example/csv");

    @TempDir
    Path temp;


    @BeforeEach
    void emptyStore() {
        TestStore.clear();
    }

    @Test
    void anUnmatchedAreaExitsTwoAndSaysHowToMapIt() {
        CliRun run = run("import-openreferral", EXAMPLE.toString());
        assertEquals(2, run.exit(), run.out());
        assertTrue(run.err().contains("service_areas.csv:2: name: "), run.err());
        assertTrue(run.err().contains("add an area rule to the mapping (area,text,WORDS,GSS code)"), run.err());
        assertTrue(run.err().endsWith("rejected with 1 problem; nothing was written." + System.lineSeparator()), run.err());
        assertEquals(0, TestStore.stats().nodeCount());
    }

    @Test
    void withAnAreaRuleItImportsAndPrintsWhatWasMappedAndWhy() throws Exception {
        Path map = temp.resolve("map.csv");
        Files.writeString(map, Files.readString(Path.of("data/openreferral/needs-map.csv")) + "area,text,MyCity,E09000019,,\n");
        CliRun run = run("import-openreferral", EXAMPLE.toString(), "--needs-map", map.toString());
        assertEquals(0, run.exit(), run.err());
        assertTrue(run.out().startsWith("Open Referral tabular data package csv, mapped with map.csv: 1 organisation, 1 service."),
                run.out());
        assertTrue(run.out().contains("agency  Example Organization Inc. (d9d5e0f5-d3ce-4f73-9a2f-4dd0ecc6c610): other/other — no rule matched"),
                run.out());
        assertTrue(run.out().contains("serves E09000019 (text \"MyCity\" (map.csv:"), run.out());
        assertTrue(run.out().contains("accepts mood_anxiety (text \"anxiety\""), run.out());
        assertTrue(run.out().contains("boroughs added from the reference list: E09000019 Islington"), run.out());
        CliRun again = run("import-openreferral", EXAMPLE.toString(), "--map", map.toString());
        assertTrue(again.out().contains("The store already held this bundle exactly: nothing changed."), again.out());
    }
}
