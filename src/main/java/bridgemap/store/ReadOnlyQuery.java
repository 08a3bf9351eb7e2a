package bridgemap.store;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.neo4j.driver.AccessMode;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.TransactionConfig;
import org.neo4j.driver.Value;
import org.neo4j.driver.exceptions.ClientException;
import org.neo4j.driver.summary.Plan;
import org.neo4j.driver.summary.QueryType;
import org.neo4j.driver.summary.ResultSummary;
import org.neo4j.driver.types.Node;
import org.neo4j.driver.types.Path;
import org.neo4j.driver.types.Relationship;

/**
 * Analysts' own Cypher, read-only: the query is planned first ({@code EXPLAIN}) and refused unless the
 * plan is read-only, calls no procedure outside a small allowlist and loads no CSV; then it runs in a READ session and
 * transaction with a server-side timeout, and at most {@code rowLimit} rows come back.
 */
public final class ReadOnlyQuery {

    /** Procedures a read-only query may call: schema introspection only. */
    static final Set<String> ALLOWED_PROCEDURES = Set.of("db.labels", "db.relationshipTypes", "db.propertyKeys",
            "db.schema.visualization", "db.schema.nodeTypeProperties", "db.schema.relTypeProperties");

    private static final int MAX_LENGTH = 20_000;

    /** Rows as JSON-friendly maps; {@code truncated} when more rows existed than the limit. */
    public record Result(List<String> columns, List<Map<String, Object>> rows, boolean truncated) {}

    /** A query refused before it ran: {@code forbidden} for writes and disallowed procedures, else a bad query. */
    public static final class RefusedException extends RuntimeException {
        private final boolean forbidden;

        RefusedException(String message, boolean forbidden) {
            super(message);
            this.forbidden = forbidden;
        }

        public boolean forbidden() {
            return forbidden;
        }
    }

    private final Store store;

    public ReadOnlyQuery(Store store) {
        this.store = store;
    }

    public Result run(String cypher, Map<String, Object> parameters, Duration timeout, int rowLimit) {
        if (cypher == null || cypher.isBlank()) {
            throw new RefusedException("give a Cypher query", false);
        }
        if (cypher.length() > MAX_LENGTH) {
            throw new RefusedException("the query is longer than " + MAX_LENGTH + " characters", false);
        }
        SessionConfig read = SessionConfig.builder().withDatabase(store.database())
                .withDefaultAccessMode(AccessMode.READ).build();
        TransactionConfig limits = TransactionConfig.builder().withTimeout(timeout).build();
        try (Session session = store.session(read)) {
            ResultSummary plan = session.executeRead(tx -> tx.run("EXPLAIN " + cypher, parameters).consume(), limits);
            if (plan.queryType() != QueryType.READ_ONLY) {
                throw new RefusedException("only read-only queries are allowed here; this one is "
                        + plan.queryType().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '), true);
            }
            checkProcedures(plan.plan());
            return session.executeRead(tx -> {
                org.neo4j.driver.Result result = tx.run(cypher, parameters);
                List<String> columns = result.keys();
                List<Map<String, Object>> rows = new ArrayList<>();
                boolean truncated = false;
                while (result.hasNext()) {
                    if (rows.size() == rowLimit) {
                        truncated = true;
                        break;
                    }
                    Record record = result.next();
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (String column : columns) {
                        row.put(column, plain(record.get(column)));
                    }
                    rows.add(row);
                }
                return new Result(columns, rows, truncated);
            }, limits);
        } catch (ClientException e) {
            String code = e.code() == null ? "" : e.code();
            boolean forbidden = code.contains("Security") || code.contains("AccessMode") || code.contains("Forbidden");
            throw new RefusedException(e.getMessage(), forbidden);
        }
    }

    private static void checkProcedures(Plan plan) {
        if (plan == null) {
            return;
        }
        if (plan.operatorType().startsWith("LoadCSV")) {
            throw new RefusedException("LOAD CSV is not allowed here: it reads files and URLs", true);
        }
        if (plan.operatorType().startsWith("ProcedureCall")) {
            // Neo4j 5 puts the call in "Details", e.g. "db.labels() :: (label :: STRING)".
            Value signature = plan.arguments().getOrDefault("Details", plan.arguments().get("Signature"));
            String text = signature == null ? "" : signature.asString();
            String name = text.contains("(") ? text.substring(0, text.indexOf('(')).strip() : text.strip();
            if (!ALLOWED_PROCEDURES.contains(name)) {
                throw new RefusedException("procedure " + (name.isEmpty() ? "calls" : name)
                        + " is not allowed here (allowed: " + String.join(", ", ALLOWED_PROCEDURES.stream().sorted().toList()) + ")", true);
            }
        }
        for (Plan child : plan.children()) {
            checkProcedures(child);
        }
    }

    /** A driver value as plain Java: nodes and relationships become maps of labels/type and properties. */
    private static Object plain(Value value) {
        Object object = value.asObject();
        return plainObject(object);
    }

    private static Object plainObject(Object object) {
        if (object instanceof Node node) {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("labels", node.labels());
            map.put("properties", plainObject(node.asMap()));
            return map;
        }
        if (object instanceof Relationship rel) {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("type", rel.type());
            map.put("properties", plainObject(rel.asMap()));
            return map;
        }
        if (object instanceof Path path) {
            List<Object> steps = new ArrayList<>();
            path.forEach(segment -> {
                if (steps.isEmpty()) {
                    steps.add(plainObject(segment.start()));
                }
                steps.add(plainObject(segment.relationship()));
                steps.add(plainObject(segment.end()));
            });
            return steps;
        }
        if (object instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put(String.valueOf(k), plainObject(v)));
            return copy;
        }
        if (object instanceof List<?> list) {
            return list.stream().map(ReadOnlyQuery::plainObject).toList();
        }
        return object;
    }
}
