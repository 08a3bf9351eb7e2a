package bridgemap.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bridgemap.model.ProgressListener;
import bridgemap.store.StoreStats;
import bridgemap.testing.TestStore;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded store keeps what was imported across a shutdown and a fresh start on the same folder. */
class RestartTest {

    @TempDir
    Path data;

    @Test
    void importedDataSurvivesARestart() throws Exception {
        StoreStats before;
        try (BridgemapApp app = BridgemapApp.open(AppConfig.fromEnvironment(Map.of(), data))) {
            app.imports().importPath(TestStore.bundlePath("tiny"), ProgressListener.NONE);
            before = app.stats().stats();
        }
        try (BridgemapApp app = BridgemapApp.open(AppConfig.fromEnvironment(Map.of(), data))) {
            assertEquals(before, app.stats().stats());
            assertTrue(app.imports().importPath(TestStore.bundlePath("tiny"), ProgressListener.NONE)
                    .summary().changedNothing());
        }
    }
}
