package bridgemap.store;

import bridgemap.model.Gender;
import bridgemap.model.Outcome;
import bridgemap.model.Vocabulary;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;

/** Reads one case's referral chain. */
public final class CaseRepository {

    /** A case and its referrals up to a day, with node ids at both ends. */
    public record StoredPathway(String id, String boroughId, String ageBand, Gender gender, List<String> needIds,
            List<StoredStep> steps) {}

    /** One stored referral of a chain. */
    public record StoredStep(String id, LocalDate date, String fromId, String toId, Outcome outcome, String reason) {}

    private final Store store;

    public CaseRepository(Store store) {
        this.store = store;
    }

    /** The case {@code caseId} and its referrals dated up to {@code asOf}, in date order; empty when unknown. */
    public Optional<StoredPathway> pathway(String caseId, LocalDate asOf) {
        List<Record> records = store.read(Query.CASE_PATHWAY, Map.of("caseId", caseId, "asOf", asOf));
        if (records.isEmpty()) {
            return Optional.empty();
        }
        Record r = records.get(0);
        List<StoredStep> steps = r.get("referrals").asList(v -> new StoredStep(v.get("id").asString(),
                v.get("date").asLocalDate(), v.get("from").asString(), v.get("to").asString(),
                Vocabulary.parse(Outcome.class, v.get("outcome").asString()).orElseThrow(),
                v.get("reason").isNull() ? null : v.get("reason").asString()));
        Value gender = r.get("gender");
        return Optional.of(new StoredPathway(r.get("id").asString(), r.get("borough").asString(),
                r.get("ageBand").isNull() ? null : r.get("ageBand").asString(),
                gender.isNull() ? null : Vocabulary.parse(Gender.class, gender.asString()).orElseThrow(),
                r.get("needs").asList(Value::asString), steps));
    }
}
