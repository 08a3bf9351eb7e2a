package bridgemap.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code serve}'s options that are refused before anything starts. */
class ServeCommandTest {

    /** Issue 13: WebSocket is only for an endpoint opened to Neo4j's tools, never for Bridgemap's own. */
    @Test
    void boltWebSocketWithoutBoltPortIsRefused_issue13(@TempDir Path temp) {
        Path data = temp.resolve("data");
        CliRun run = CliRun.run(Map.of(), "serve", "--bolt-websocket", "--data", data.toString(), "--port", "0");
        assertEquals(2, run.exit(), run.out());
        assertTrue(run.err().contains("--bolt-websocket needs --bolt-port"), run.err());
        assertFalse(Files.exists(data), "the store was not opened");
    }
}
