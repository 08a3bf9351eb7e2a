package bridgemap.store;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;

/** Saved what-if scenarios, kept as JSON by name in {@code :Scenario} nodes apart from the network. */
public final class ScenarioRepository {

    /** A saved scenario's JSON and when it was saved. */
    public record SavedScenario(String name, String json, OffsetDateTime savedAt) {}

    private final Store store;

    public ScenarioRepository(Store store) {
        this.store = store;
    }

    public void save(String name, String json, OffsetDateTime savedAt) {
        try (Session session = store.session()) {
            session.executeWrite(tx -> tx.run(store.cypher(Query.SCENARIO_SAVE),
                    Map.of("name", name, "json", json, "savedAt", savedAt)).consume());
        }
    }

    public List<SavedScenario> list() {
        return store.read(Query.SCENARIO_LIST, Map.of()).stream().map(ScenarioRepository::saved).toList();
    }

    public Optional<SavedScenario> get(String name) {
        return store.read(Query.SCENARIO_GET, Map.of("name", name)).stream().findFirst().map(ScenarioRepository::saved);
    }

    /** True when a scenario of that name existed and is now deleted. */
    public boolean delete(String name) {
        try (Session session = store.session()) {
            return session.executeWrite(tx -> tx.run(store.cypher(Query.SCENARIO_DELETE), Map.of("name", name))
                    .single().get("deleted").asInt()) > 0;
        }
    }

    private static SavedScenario saved(Record r) {
        return new SavedScenario(r.get("name").asString(), r.get("json").asString(), r.get("savedAt").asOffsetDateTime());
    }
}
