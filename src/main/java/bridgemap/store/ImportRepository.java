package bridgemap.store;

import bridgemap.model.Activity;
import bridgemap.model.Setting;
import bridgemap.model.Succession;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;

/** What an import asks of the store besides writing: how much it holds, each node's id and label, its indexes. */
public final class ImportRepository {

    /** A stored node: its id, its label and its element id (for writing relationships to it). */
    public record StoredNode(String id, String label, String elementId) {}

    private final Store store;

    public ImportRepository(Store store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    /** How many nodes of Bridgemap's labels the store holds. */
    public long nodeCount() {
        return store.read(Query.NODE_COUNT, Map.of()).get(0).get("nodes").asLong();
    }

    /** Every stored node's id, label and element id. */
    public List<StoredNode> nodes() {
        List<StoredNode> nodes = new ArrayList<>();
        for (Record record : store.read(Query.NODE_IDS, Map.of())) {
            nodes.add(new StoredNode(record.get("id").asString(), record.get("label").asString(),
                    record.get("node").asString()));
        }
        return nodes;
    }

    /** Every stored setting, for checking the files that depend on a setting's kind or borough. */
    public List<Setting> settings() {
        return store.read(Query.SNAPSHOT_SETTINGS, Map.of()).stream().map(SnapshotRepository::setting).toList();
    }

    /** Every stored activity row, for checking that a bundle's periods do not overlap the store's. */
    public List<Activity> activity() {
        return store.read(Query.BACKUP_ACTIVITY, Map.of()).stream().map(SnapshotRepository::activity).toList();
    }

    /** Every stored succession, for checking a bundle's successions against them. */
    public List<Succession> successions() {
        return store.read(Query.SNAPSHOT_SUCCESSIONS, Map.of()).stream().map(SnapshotRepository::succession).toList();
    }

    /** Waits up to {@code seconds} for every index to come online. */
    public void awaitIndexes(int seconds) {
        try (Session session = store.session()) {
            session.run(store.cypher(Query.AWAIT_INDEXES), Map.of("seconds", seconds)).consume();
        }
    }
}
