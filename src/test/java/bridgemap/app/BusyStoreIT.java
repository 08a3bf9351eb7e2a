package bridgemap.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bridgemap.testing.JarProcess;
import bridgemap.testing.TestStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 20, a busy store, as an operator meets it: while {@code bridgemap serve} runs on a folder, {@code stats} and
 * {@code import} on the same folder in other processes exit 1 at once with one plain message naming the folder, the
 * server (with its process id) and what to do instead; once the server has stopped, the same commands work.
 */
class BusyStoreIT {

    private final Path data = JarProcess.tempDir("bridgemap-busy-it");

    @AfterEach
    void cleanUp() {
        TestStore.deleteTree(data);
    }

    @Test
    void aSecondProcessOnAServedFolderIsToldWhatToDo_issue20() throws Exception {
        JarProcess.Server server = JarProcess.serve(List.of(), "--data", data.toString());
        try {
            for (String[] args : new String[][] {{"stats", "--data", data.toString()},
                    {"import", TestStore.bundlePath("tiny").toString(), "--data", data.toString()}}) {
                JarProcess.Ran ran = JarProcess.run(120, args);
                assertEquals(1, ran.exit(), ran.text());
                String said = ran.text();
                assertTrue(said.contains("bridgemap " + args[0] + ": the store in " + data.toRealPath()
                        + " is in use by a Bridgemap server (`bridgemap serve`, process " + server.process().pid()), said);
                assertTrue(said.contains("POST /api/imports"), said);
                assertFalse(said.contains("org.neo4j") || said.contains("Exception") || said.contains("\tat "), said);
            }
        } finally {
            server.process().destroy();
            assertTrue(server.process().waitFor(60, TimeUnit.SECONDS), server.text());
        }
        JarProcess.Ran imported = JarProcess.run(180, "import", TestStore.bundlePath("tiny").toString(), "--data", data.toString());
        assertEquals(0, imported.exit(), imported.text());
        assertTrue(Files.exists(data.resolve("bridgemap.lock")));
    }
}
