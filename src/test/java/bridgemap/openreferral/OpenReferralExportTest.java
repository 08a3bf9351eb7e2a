package bridgemap.openreferral;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bridgemap.model.Agency;
import bridgemap.model.ProgressListener;
import bridgemap.model.Service;
import bridgemap.store.DirectoryRepository;
import bridgemap.store.DirectoryRepository.ServiceDirectory;
import bridgemap.testing.TestStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo's services out as an Open Referral package and back in: into the same store, and into an empty one. */
class OpenReferralExportTest {

    @TempDir
    Path temp;

    private static ServiceDirectory held() {
        return new DirectoryRepository(TestStore.app().store()).directory();
    }

    private Path export() throws Exception {
        Path dir = Files.createDirectories(temp.resolve("package"));
        for (Map.Entry<String, byte[]> file : TestStore.app().exports().openReferralFiles().entrySet()) {
            Files.write(dir.resolve(file.getKey()), file.getValue());
        }
        return dir;
    }

    @Test
    void theDemoRoundTripsExactly() throws Exception {
        TestStore.demo();
        ServiceDirectory before = held();
        Path dir = export();
        assertTrue(Files.readString(dir.resolve("datapackage.json")).contains("\"path\" : \"services.csv\""));
        assertEquals(before.services().size() + 1, Files.readAllLines(dir.resolve("services.csv")).size());

        OpenReferralImport same = TestStore.app().openReferral().importPath(dir, null, ProgressListener.NONE);
        assertTrue(same.result().summary().changedNothing(), "back into the same store: " + same.result().summary());
        assertEquals(0, same.report().agencies().stream().filter(a -> a.because().contains("no rule")).count());

        TestStore.clear();
        OpenReferralImport fresh = TestStore.app().openReferral().importPath(dir, null, ProgressListener.NONE);
        assertEquals(33, fresh.report().newBoroughs().size(), "the boroughs come from the reference list");
        assertEquals(before.needs().size(), fresh.report().newNeeds().size());
        ServiceDirectory after = held();
        assertEquals(before.agencies(), after.agencies());
        Map<String, Service> services = new java.util.HashMap<>();
        after.services().forEach(s -> services.put(s.id(), s));
        for (Service s : before.services()) {
            assertEquals(s, services.get(s.id()), s.id());
        }
        assertEquals(before.boroughs(), after.boroughs());
        assertEquals(before.needs(), after.needs());
        Agency trust = after.agencies().stream().filter(a -> a.id().equals("trust-rv5")).findFirst().orElseThrow();
        assertEquals("RV5", trust.odsCode());
    }
}
