package bridgemap.app;

import bridgemap.model.NetworkNode;
import bridgemap.model.NetworkSnapshot;
import bridgemap.model.Outcome;
import bridgemap.model.Ratio;
import bridgemap.model.RecordKeys;
import bridgemap.model.Tally;
import bridgemap.model.Vocabulary;
import bridgemap.store.Query;
import bridgemap.store.Store;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.neo4j.driver.Record;

/**
 * Aggregated pathways for researchers: referrals counted from stage to stage (sector, or setting/agency kind
 * and practitioner role), optionally by year and by borough, filtered by year, borough and need. Counts of
 * referrals only — no case ids, no case-level rows. Disclosure control is applied where researchers read it.
 */
public final class ResearchPathways {

    /** How hand-offs are grouped: by the sector of each end, or by its kind (stage). */
    public enum GroupBy { SECTOR, KIND }

    /** The request: grouping and filters (any of year, borough, need may be null). */
    public record Request(GroupBy groupBy, boolean byYear, boolean byBorough, Integer year, String borough, String need) {}

    /** One row: the group keys and the referral counts by outcome. */
    public record Row(Integer year, String boroughId, String from, String to, Tally referrals, Tally accepted,
            Tally declined, Tally noResponse, Tally withdrawn, Tally pending, Ratio acceptanceRate) {}

    /** The table and the request it answers. */
    public record Table(Request request, List<Row> rows) {

        public Table {
            rows = List.copyOf(rows);
        }
    }

    private final Store store;
    private final AnalysisService analysis;
    private final RecordKeys keys;

    public ResearchPathways(Store store, AnalysisService analysis, RecordKeys keys) {
        this.store = Objects.requireNonNull(store, "store");
        this.analysis = Objects.requireNonNull(analysis, "analysis");
        this.keys = Objects.requireNonNull(keys, "keys");
    }

    public Table query(Request request) {
        NetworkSnapshot snapshot = analysis.snapshot(analysis.defaultAsOf());
        if (request.borough() != null && snapshot.boroughs().stream().noneMatch(b -> b.id().equals(request.borough()))) {
            throw new InvalidInputException("borough", "unknown borough \"" + request.borough() + "\"");
        }
        if (request.need() != null && snapshot.needs().stream().noneMatch(n -> n.id().equals(request.need()))) {
            throw new InvalidInputException("need", "unknown need \"" + request.need() + "\"");
        }
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("year", request.year());
        parameters.put("borough", request.borough());
        parameters.put("need", request.need());
        Map<List<Object>, Tally.Counter> groups = new LinkedHashMap<>();
        for (Record r : store.read(Query.RESEARCH_PATHWAYS, parameters)) {
            NetworkNode from = snapshot.nodes().get(r.get("fromId").asString());
            NetworkNode to = snapshot.nodes().get(r.get("toId").asString());
            if (from == null || to == null) {
                continue;
            }
            List<Object> key = new ArrayList<>();
            key.add(request.byYear() ? r.get("year").asInt() : null);
            key.add(request.byBorough() ? r.get("borough").asString() : null);
            key.add(stage(from, request.groupBy()));
            key.add(stage(to, request.groupBy()));
            // cells: 0 all referrals, 1 + outcome ordinal, then decided (not pending)
            Tally.Counter counts = groups.computeIfAbsent(key, k -> new Tally.Counter(2 + Outcome.values().length));
            Outcome outcome = Vocabulary.parse(Outcome.class, r.get("outcome").asString()).orElseThrow();
            for (String id : r.get("ids").asList(org.neo4j.driver.Value::asString)) {
                int recordKey = keys.referralKey(id);
                counts.add(0, recordKey);
                counts.add(1 + outcome.ordinal(), recordKey);
                if (outcome != Outcome.PENDING) {
                    counts.add(1 + Outcome.values().length, recordKey);
                }
            }
        }
        List<Row> rows = new ArrayList<>();
        groups.forEach((key, c) -> rows.add(new Row((Integer) key.get(0), (String) key.get(1), (String) key.get(2),
                (String) key.get(3), c.get(0), c.get(1 + Outcome.ACCEPTED.ordinal()), c.get(1 + Outcome.DECLINED.ordinal()),
                c.get(1 + Outcome.NO_RESPONSE.ordinal()), c.get(1 + Outcome.WITHDRAWN.ordinal()),
                c.get(1 + Outcome.PENDING.ordinal()),
                c.value(1 + Outcome.values().length) == 0 ? null
                        : new Ratio(c.get(1 + Outcome.ACCEPTED.ordinal()), c.get(1 + Outcome.values().length)))));
        rows.sort(Comparator.comparing((Row row) -> row.year() == null ? 0 : row.year())
                .thenComparing(row -> row.boroughId() == null ? "" : row.boroughId())
                .thenComparing(Comparator.comparing(Row::referrals).reversed())
                .thenComparing(Row::from).thenComparing(Row::to));
        return new Table(request, rows);
    }

    private static String stage(NetworkNode node, GroupBy groupBy) {
        return groupBy == GroupBy.SECTOR ? node.sector().code() : node.type().code() + ":" + node.kind();
    }
}
