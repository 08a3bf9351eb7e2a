package bridgemap.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bridgemap.app.AppConfig;
import bridgemap.app.BridgemapApp;
import bridgemap.testing.TestStore;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 20, a busy store: {@code stats} and {@code import} on a folder another store holds exit 1 with one plain
 * message — which folder, that a server probably holds it, what to do instead — and nothing of Neo4j's words.
 */
class BusyStoreCommandTest {

    @TempDir
    Path data;

    @Test
    void commandsOnAFolderInUseSayWhichAndWhatToDo_issue20() throws Exception {
        try (BridgemapApp holder = BridgemapApp.open(AppConfig.fromEnvironment(Map.of(), data))) {
            for (String[] args : new String[][] {{"stats", "--data", data.toString()},
                    {"import", TestStore.bundlePath("tiny").toString(), "--data", data.toString()}}) {
                CliRun run = CliRun.run(Map.of(), args);
                assertEquals(BridgemapCommand.EXIT_FAILURE, run.exit(), run.err());
                String err = run.err().strip();
                assertTrue(err.startsWith("bridgemap " + args[0] + ": the store in " + data.toRealPath() + " is in use by "),
                        err);
                assertTrue(err.contains("POST /api/imports") && err.contains("Stop that process"), err);
                assertFalse(err.contains("org.neo4j") || err.contains("Exception") || err.contains("\n"), err);
            }
            assertEquals(0, holder.stats().stats().nodeCount(), "the holder's store is untouched and still answers");
        }
    }
}
