package bridgemap.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import bridgemap.ingest.BundleCsv;
import bridgemap.model.ProgressListener;
import bridgemap.store.StoreStats;
import bridgemap.testing.TestStore;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A backup of the demo restores into an empty store with identical counts and content fingerprint. */
class BackupRestoreTest {

    @TempDir
    Path temp;

    @Test
    void theDemoSurvivesABackupAndARestore() throws Exception {
        TestStore.demo();
        StoreStats before = TestStore.stats();
        String fingerprint = TestStore.app().fingerprint();
        Path backup = temp.resolve("backup.zip");
        BundleCsv.write(TestStore.app().backupFiles(), backup);

        TestStore.clear();
        assertNotEquals(fingerprint, TestStore.app().fingerprint(), "an empty store has another fingerprint");
        TestStore.app().imports().importPath(backup, ProgressListener.NONE);

        assertEquals(before, TestStore.stats());
        assertEquals(fingerprint, TestStore.app().fingerprint());
    }
}
