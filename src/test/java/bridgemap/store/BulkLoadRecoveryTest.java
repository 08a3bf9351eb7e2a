package bridgemap.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bridgemap.ingest.BundleSource;
import bridgemap.ingest.BundleValidator;
import bridgemap.ingest.StoredIds;
import bridgemap.model.Bundle;
import bridgemap.model.ProgressListener;
import bridgemap.testing.TestStore;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A bulk load interrupted at each point between its steps: the next start of the store finds it empty (the load had not
 * finished staging) or fully loaded (the journal said to move the staged database in), never anything in between.
 */
class BulkLoadRecoveryTest {

    @TempDir
    Path home;

    private Bundle bundle;
    private long tinyNodes;

    @BeforeEach
    void createAnEmptyStore() throws Exception {
        bundle = BundleValidator.validate(BundleSource.read(TestStore.bundlePath("tiny"), BundleSource.DEFAULT_MAX_BYTES),
                StoredIds.NONE);
        tinyNodes = BulkLoad.BulkGraph.of(bundle).nodeCount();
        try (Store store = Store.open(StoreConfig.embedded(home))) {
            assertEquals(0, nodes(store));
        }
    }

    @Test
    void aCrashWhileStagingLeavesTheStoreEmptyAndTheStagingGone() throws Exception {
        BulkLoad.stage(home, bundle, ProgressListener.NONE); // staged, but no journal: as if killed before it
        assertTrue(Files.isDirectory(home.resolve(BulkLoad.STAGING)));
        try (Store store = Store.open(StoreConfig.embedded(home))) {
            assertEquals(0, nodes(store));
        }
        assertFalse(Files.exists(home.resolve(BulkLoad.STAGING)));
    }

    @Test
    void aCrashAfterTheJournalFinishesTheLoadAtTheNextStart() throws Exception {
        BulkLoad.stage(home, bundle, ProgressListener.NONE);
        BulkLoad.markComplete(home);
        try (Store store = Store.open(StoreConfig.embedded(home))) {
            assertEquals(tinyNodes, nodes(store));
        }
        assertFalse(Files.exists(home.resolve(BulkLoad.STAGING)));
        assertFalse(Files.exists(home.resolve(BulkLoad.JOURNAL)));
    }

    @Test
    void aCrashHalfWayThroughTheMoveFinishesItAtTheNextStart() throws Exception {
        BulkLoad.stage(home, bundle, ProgressListener.NONE);
        BulkLoad.markComplete(home);
        // The database directory moved, the transaction logs not yet.
        Path stagedDatabase = home.resolve(BulkLoad.STAGING).resolve("data/databases/neo4j");
        Path liveDatabase = home.resolve("data/databases/neo4j");
        assertTrue(Files.isDirectory(stagedDatabase) && Files.isDirectory(liveDatabase));
        TestStore.deleteTree(liveDatabase);
        Files.move(stagedDatabase, liveDatabase);
        try (Store store = Store.open(StoreConfig.embedded(home))) {
            assertEquals(tinyNodes, nodes(store));
        }
        assertFalse(Files.exists(home.resolve(BulkLoad.JOURNAL)));
    }

    @Test
    void aCompleteLoadIsReadThroughTheDriverWithItsSchema() throws Exception {
        try (Store store = Store.open(StoreConfig.embedded(home))) {
            BulkLoad.Counts counts = store.withEngineStopped(dir -> BulkLoad.load(dir, bundle, ProgressListener.NONE));
            assertEquals(tinyNodes, counts.nodes());
            assertEquals(tinyNodes, nodes(store));
            assertEquals(counts.relationships(), new StatsRepository(store).stats().relationships().values().stream()
                    .mapToLong(Long::longValue).sum());
        }
    }

    private static long nodes(Store store) {
        return store.read(Query.NODE_COUNT, java.util.Map.of()).get(0).get("nodes").asLong();
    }
}
