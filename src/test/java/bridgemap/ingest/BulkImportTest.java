package bridgemap.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bridgemap.app.AppConfig;
import bridgemap.app.BridgemapApp;
import bridgemap.ingest.ImportService.BulkMode;
import bridgemap.model.ProgressListener;
import bridgemap.store.StoreStats;
import bridgemap.testing.TestStore;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.Record;

/**
 * The bulk load (Neo4j's bulk importer into an empty embedded store) writes the same graph as the transactional
 * import of the same bundle, with the same schema, and refuses a store that holds anything.
 */
class BulkImportTest {

    @TempDir
    Path data;

    @Test
    void theDemoBulkLoadedIsTheDemoImportedInOneTransaction() throws Exception {
        // The shared test store imports the demo in one transaction.
        TestStore.demo();
        StoreStats transactional = TestStore.stats();
        String fingerprint = TestStore.app().fingerprint();
        List<String> schema = schema(TestStore.app());

        try (BridgemapApp app = BridgemapApp.open(AppConfig.fromEnvironment(Map.of(), data))) {
            ImportResult bulk = app.imports().importSource(DemoBundle.load(), ProgressListener.NONE, BulkMode.ALWAYS);
            // issue 15: the demo runs to the present (2,066 rows more than the 2014 demo's 70,155, and 28 successions)
            assertEquals(72_249, bulk.summary().rows());
            assertEquals(72_249, bulk.summary().created());
            assertEquals(transactional.relationships().values().stream().mapToLong(Long::longValue).sum(), bulk.summary().relationshipsCreated(),
                    "the summary counts the relationships the store holds");
            assertEquals(transactional, app.stats().stats(), "nodes per label and relationships per type");
            assertEquals(fingerprint, app.fingerprint(), "every id, property and relationship");
            assertEquals(schema, schema(app), "the same constraints and indexes, online");

            // The bulk-loaded store takes ordinary imports: the same bundle again changes nothing (ids found by
            // their uniqueness constraints), and a second bulk load is refused, leaving the store as it was.
            ImportResult again = app.imports().importSource(DemoBundle.load(), ProgressListener.NONE, BulkMode.AUTO);
            assertTrue(again.summary().changedNothing(), again.summary().toString());
            IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () ->
                    app.imports().importSource(DemoBundle.load(), ProgressListener.NONE, BulkMode.ALWAYS));
            assertTrue(refused.getMessage().contains("only loads an empty store, and this one holds"),
                    refused.getMessage());
            assertEquals(fingerprint, app.fingerprint());
        }
        // And it is all still there after a restart.
        try (BridgemapApp app = BridgemapApp.open(AppConfig.fromEnvironment(Map.of(), data))) {
            assertEquals(fingerprint, app.fingerprint());
        }
    }

    @Test
    void anInvalidBundleIsRejectedBeforeTheEngineStopsAndTheStoreStaysEmpty() throws Exception {
        Path bundle = TestStore.copyBundle("tiny", data.resolve("bundle"));
        java.nio.file.Files.writeString(bundle.resolve("referrals.csv"),
                java.nio.file.Files.readString(bundle.resolve("referrals.csv")) + "r-bad,c-nowhere,2014-01-01,mc-highbury,fmhp-isl-02,accepted,\n");
        try (BridgemapApp app = BridgemapApp.open(AppConfig.fromEnvironment(Map.of(), data.resolve("store")))) {
            assertThrows(BundleRejectedException.class, () -> app.imports().importSource(
                    BundleSource.read(bundle, BundleSource.DEFAULT_MAX_BYTES), ProgressListener.NONE, BulkMode.ALWAYS));
            assertEquals(0, app.stats().stats().nodeCount());
        }
    }

    private static List<String> schema(BridgemapApp app) {
        try (var session = app.store().session()) {
            return session.run(TestStore.testCypher("show-indexes")).list().stream()
                    .map(Record::asMap).map(Object::toString).toList();
        }
    }
}
