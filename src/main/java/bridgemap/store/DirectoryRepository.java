package bridgemap.store;

import bridgemap.model.Agency;
import bridgemap.model.AgencyKind;
import bridgemap.model.Borough;
import bridgemap.model.Need;
import bridgemap.model.Period;
import bridgemap.model.Sector;
import bridgemap.model.Service;
import bridgemap.model.Vocabulary;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;

/**
 * The service directory the store holds, for Open Referral imports (which boroughs, needs and ids exist)
 * and exports (agencies that offer services, and every service with its terms), each read in one transaction.
 */
public final class DirectoryRepository {

    /** What an Open Referral export writes. */
    public record ServiceDirectory(List<Agency> agencies, List<Service> services, List<Borough> boroughs, List<Need> needs) {

        public ServiceDirectory {
            agencies = List.copyOf(agencies);
            services = List.copyOf(services);
            boroughs = List.copyOf(boroughs);
            needs = List.copyOf(needs);
        }
    }

    /** What an Open Referral import checks a directory against. */
    public record Known(List<Borough> boroughs, Map<String, String> needs, Map<String, String> labels) {

        public Known {
            boroughs = List.copyOf(boroughs);
            needs = Map.copyOf(needs);
            labels = Map.copyOf(labels);
        }
    }

    private final Store store;

    public DirectoryRepository(Store store) {
        this.store = store;
    }

    /** The stored boroughs, needs (id → name) and every id with its label. */
    public Known known() {
        return store.readTransaction(tx -> {
            List<Borough> boroughs = tx.run(store.cypher(Query.SNAPSHOT_BOROUGHS)).list(DirectoryRepository::borough);
            Map<String, String> needs = new LinkedHashMap<>();
            tx.run(store.cypher(Query.SNAPSHOT_NEEDS)).forEachRemaining(r -> needs.put(r.get("id").asString(), r.get("name").asString()));
            Map<String, String> labels = new LinkedHashMap<>();
            tx.run(store.cypher(Query.NODE_IDS)).forEachRemaining(r -> labels.put(r.get("id").asString(), r.get("label").asString()));
            return new Known(boroughs, needs, labels);
        });
    }

    /** Every service, the agencies offering them, and the boroughs and needs. */
    public ServiceDirectory directory() {
        return store.readTransaction(tx -> new ServiceDirectory(
                tx.run(store.cypher(Query.DIRECTORY_AGENCIES)).list(r -> new Agency(r.get("id").asString(),
                        r.get("name").asString(), Vocabulary.parse(Sector.class, r.get("sector").asString()).orElseThrow(),
                        Vocabulary.parse(AgencyKind.class, r.get("kind").asString()).orElseThrow(), text(r, "odsCode"))),
                tx.run(store.cypher(Query.DIRECTORY_SERVICES)).list(DirectoryRepository::service),
                tx.run(store.cypher(Query.SNAPSHOT_BOROUGHS)).list(DirectoryRepository::borough),
                tx.run(store.cypher(Query.SNAPSHOT_NEEDS)).list(r -> new Need(r.get("id").asString(), r.get("name").asString()))));
    }

    private static Borough borough(Record r) {
        return new Borough(r.get("id").asString(), r.get("name").asString(), text(r, "region"));
    }

    private static Service service(Record r) {
        return new Service(r.get("id").asString(), r.get("name").asString(), r.get("agency").asString(),
                r.get("boroughs").asList(Value::asString), r.get("accepts").asList(Value::asString),
                r.get("excludes").asList(Value::asString),
                r.get("capacityPerMonth").isNull() ? null : r.get("capacityPerMonth").asInt(),
                r.get("waitWeeks").isNull() ? null : r.get("waitWeeks").asDouble(),
                new Period(date(r, "start"), date(r, "end")), r.get("kind").isNull() ? null : r.get("kind").asString());
    }

    private static LocalDate date(Record r, String key) {
        Value v = r.get(key);
        return v.isNull() ? null : v.asLocalDate();
    }

    private static String text(Record r, String key) {
        Value v = r.get(key);
        return v.isNull() ? null : v.asString();
    }
}
