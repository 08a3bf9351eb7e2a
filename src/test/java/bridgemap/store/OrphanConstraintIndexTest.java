package bridgemap.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bridgemap.testing.TestStore;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A process killed while Neo4j builds a uniqueness constraint's index leaves the index without its constraint (seen
 * after a SIGKILL during the first start after a bulk load); the store must still open, with the constraint rebuilt.
 */
class OrphanConstraintIndexTest {

    @TempDir
    Path home;

    @Test
    void anIndexLeftWithoutItsConstraintIsDroppedAndTheConstraintRebuiltAtOpen() {
        List<String> constraints;
        try (Store store = Store.open(StoreConfig.embedded(home))) {
            constraints = constraintNames(store);
            assertTrue(constraints.contains("scenario_name"), constraints.toString());
            run(store, "drop-scenario-constraint");
            run(store, "orphan-scenario-index");
        }
        try (Store store = Store.open(StoreConfig.embedded(home))) {
            assertEquals(constraints, constraintNames(store));
        }
    }

    private static void run(Store store, String testCypher) {
        try (var session = store.session()) {
            session.run(TestStore.testCypher(testCypher)).consume();
        }
    }

    private static List<String> constraintNames(Store store) {
        try (var session = store.session()) {
            return session.run(TestStore.testCypher("constraint-names")).list(r -> r.get("name").asString());
        }
    }
}
