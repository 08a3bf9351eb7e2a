package bridgemap.cli;

import static bridgemap.cli.CliRun.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bridgemap.testing.TestStore;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bridgemap import --bulk}: the bulk importer loads an empty embedded store, and says why when it will not. */
class ImportBulkCommandTest {

    @TempDir
    Path data;

    @Test
    void bulkAlwaysLoadsAnEmptyStoreAndRefusesOneThatHoldsAnything() {
        String tiny = TestStore.bundlePath("tiny").toString();
        CliRun loaded = run(Map.of(), "import", tiny, "--bulk", "always", "--data", data.toString());
        assertEquals(0, loaded.exit(), loaded.err());
        assertTrue(loaded.out().contains("34 rows — 34 created, 0 updated, 0 unchanged."), loaded.out());

        CliRun refused = run(Map.of(), "import", tiny, "--bulk", "always", "--data", data.toString());
        assertEquals(2, refused.exit(), refused.out());
        assertTrue(refused.err().contains("only loads an empty store, and this one holds 26 nodes"), refused.err());

        CliRun again = run(Map.of(), "import", tiny, "--data", data.toString());
        assertEquals(0, again.exit(), again.err());
        assertTrue(again.out().contains("The store already held this bundle exactly: nothing changed."), again.out());
    }

    @Test
    void bulkNeedsTheEmbeddedStoreAndAKnownMode() {
        String tiny = TestStore.bundlePath("tiny").toString();
        CliRun external = run(TestStore.externalEnv(), "import", tiny, "--bulk", "always");
        assertEquals(2, external.exit(), external.out());
        assertTrue(external.err().contains("a bulk load needs the embedded store"), external.err());

        CliRun unknown = run(Map.of(), "import", tiny, "--bulk", "sometimes", "--data", data.toString());
        assertEquals(2, unknown.exit());
        assertTrue(unknown.err().contains("--bulk takes auto, always or never, not 'sometimes'"), unknown.err());
    }
}
