package bridgemap.store;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.neo4j.driver.AccessMode;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.Transaction;
import org.neo4j.driver.TransactionConfig;
import org.neo4j.driver.Value;
import org.neo4j.driver.exceptions.Neo4jException;
import org.neo4j.driver.exceptions.ServiceUnavailableException;
import org.neo4j.driver.exceptions.SessionExpiredException;
import org.neo4j.driver.summary.Plan;
import org.neo4j.driver.summary.QueryType;
import org.neo4j.driver.summary.ResultSummary;
import org.neo4j.driver.types.Node;
import org.neo4j.driver.types.Path;
import org.neo4j.driver.types.Relationship;
import org.neo4j.driver.types.TypeSystem;

/**
 * Analysts' own Cypher, read-only. The query is planned first ({@code EXPLAIN}, which runs nothing) and the plan
 * decides: every operator in it must be one of Neo4j's read operators ({@link #READ_OPERATORS}), on the
 * application's database, calling no procedure outside {@link #ALLOWED_PROCEDURES}. An allowlist of operators rather
 * than the plan's query type, because {@code SHOW TRANSACTIONS}, {@code SHOW SETTINGS} and {@code TERMINATE
 * TRANSACTIONS} plan as {@code ShowTransactions}, {@code ShowSettings} and {@code TerminateTransactions} with query type
 * READ_ONLY; and a decision from the plan rather than the text, so comments, Unicode and unusual spellings change
 * nothing. Then the same text runs in the same READ transaction with a server-side timeout (and no retry), and the
 * answer stops at a number of rows and an approximate number of bytes of JSON.
 *
 * <p>What bounds memory: the driver fetches {@value #FETCH_SIZE} records at a time, each value is converted with a
 * byte budget (no copy past it), and at most {@value #MAX_RUNNING} queries run at once. One record is decoded whole by
 * the driver before it can be looked at, and Neo4j evaluates some expressions (e.g. {@code range}, list comprehension,
 * {@code reduce}) without counting them against its transaction memory limit, so one query can still take memory in
 * proportion to what it builds within the timeout.
 */
public final class ReadOnlyQuery {

    /** Procedures a read-only query may call: schema introspection only. */
    static final Set<String> ALLOWED_PROCEDURES = Set.of("db.labels", "db.relationshipTypes", "db.propertyKeys",
            "db.schema.visualization", "db.schema.nodeTypeProperties", "db.schema.relTypeProperties");

    /**
     * Neo4j 5.26's plan operators that only read the graph or shape rows (names without the variant in brackets, e.g.
     * {@code Expand(All)}, and without {@code @database}), from the Cypher manual's operator summary. Anything else —
     * writes, schema and administration commands, {@code SHOW}/{@code TERMINATE}, {@code LoadCSV}, the batches of
     * {@code CALL … IN TRANSACTIONS}, operators of future versions — is refused.
     */
    static final Set<String> READ_OPERATORS = Set.of(
            // leaves: scans and seeks
            "AllNodesScan", "Argument", "ArgumentTracker", "EmptyRow", "NodeByElementIdSeek", "NodeByIdSeek",
            "NodeByLabelScan", "NodeCountFromCountStore", "NodeIndexContainsScan", "NodeIndexEndsWithScan", "NodeIndexScan",
            "NodeIndexSeek", "NodeIndexSeekByRange", "NodeUniqueIndexSeek", "NodeUniqueIndexSeekByRange",
            "MultiNodeIndexSeek", "IntersectionNodeByLabelsScan", "UnionNodeByLabelsScan", "SubtractionNodeByLabelsScan",
            "RelationshipCountFromCountStore", "DirectedAllRelationshipsScan", "UndirectedAllRelationshipsScan",
            "DirectedRelationshipTypeScan", "UndirectedRelationshipTypeScan", "DirectedUnionRelationshipTypesScan",
            "UndirectedUnionRelationshipTypesScan", "DirectedRelationshipByIdSeek", "UndirectedRelationshipByIdSeek",
            "DirectedRelationshipByElementIdSeek", "UndirectedRelationshipByElementIdSeek", "DirectedRelationshipIndexScan",
            "UndirectedRelationshipIndexScan", "DirectedRelationshipIndexSeek", "UndirectedRelationshipIndexSeek",
            "DirectedRelationshipIndexSeekByRange", "UndirectedRelationshipIndexSeekByRange",
            "DirectedRelationshipUniqueIndexSeek", "UndirectedRelationshipUniqueIndexSeek",
            "DirectedRelationshipUniqueIndexSeekByRange", "UndirectedRelationshipUniqueIndexSeekByRange",
            "DirectedRelationshipIndexContainsScan", "UndirectedRelationshipIndexContainsScan",
            "DirectedRelationshipIndexEndsWithScan", "UndirectedRelationshipIndexEndsWithScan",
            "PartitionedAllNodesScan", "PartitionedNodeByLabelScan", "PartitionedNodeIndexScan", "PartitionedNodeIndexSeek",
            "PartitionedNodeIndexSeekByRange", "PartitionedIntersectionNodeByLabelsScan", "PartitionedUnionNodeByLabelsScan",
            "PartitionedSubtractionNodeByLabelsScan", "PartitionedDirectedAllRelationshipsScan",
            "PartitionedUndirectedAllRelationshipsScan", "PartitionedDirectedRelationshipTypeScan",
            "PartitionedUndirectedRelationshipTypeScan", "PartitionedDirectedUnionRelationshipTypesScan",
            "PartitionedUndirectedUnionRelationshipTypesScan", "PartitionedDirectedRelationshipIndexScan",
            "PartitionedUndirectedRelationshipIndexScan", "PartitionedDirectedRelationshipIndexSeek",
            "PartitionedUndirectedRelationshipIndexSeek", "PartitionedDirectedRelationshipIndexSeekByRange",
            "PartitionedUndirectedRelationshipIndexSeekByRange",
            // traversal
            "Expand", "OptionalExpand", "VarLengthExpand", "ShortestPath", "StatefulShortestPath", "Repeat",
            "BidirectionalRepeat", "NullifyMetadata", "PathPropagatingBFS", "ProjectEndpoints", "TriadicSelection",
            "TriadicBuild", "TriadicFilter",
            // rows
            "ProduceResults", "Projection", "Filter", "Limit", "Skip", "Sort", "PartialSort", "Top", "PartialTop",
            "Top1WithTies", "Distinct", "OrderedDistinct", "EagerAggregation", "OrderedAggregation", "Unwind",
            "PartitionedUnwind", "Optional", "CacheProperties", "Eager", "EmptyResult", "ExhaustiveLimit", "PreserveOrder",
            // joins and subqueries
            "Apply", "SemiApply", "AntiSemiApply", "LetSemiApply", "LetAntiSemiApply", "SelectOrSemiApply",
            "SelectOrAntiSemiApply", "LetSelectOrSemiApply", "LetSelectOrAntiSemiApply", "ConditionalApply",
            "AntiConditionalApply", "RollUpApply", "SubqueryForeach", "Anti", "CartesianProduct", "NodeHashJoin",
            "ValueHashJoin", "NodeLeftOuterHashJoin", "NodeRightOuterHashJoin", "Union", "OrderedUnion",
            // checked against ALLOWED_PROCEDURES
            "ProcedureCall");

    /** Operators that write or change the schema: refused with 403, as writes always were here; other refusals are 400. */
    private static final Set<String> WRITE_OPERATORS = Set.of("Create", "Merge", "LockingMerge", "Delete", "DetachDelete",
            "SetLabels", "RemoveLabels", "SetProperty", "SetProperties", "SetDynamicProperty", "SetPropertiesFromMap",
            "SetNodeProperty", "SetNodeProperties", "SetNodePropertiesFromMap", "SetRelationshipProperty",
            "SetRelationshipProperties", "SetRelationshipPropertiesFromMap", "Foreach", "AssertSameNode",
            "AssertSameRelationship");

    /** Operators that change the schema: refused with 403 too. */
    private static final Set<String> SCHEMA_OPERATORS = Set.of("CreateIndex", "DropIndex", "CreateConstraint",
            "DropConstraint", "DoNothingIfExists");

    static final int MAX_LENGTH = 20_000;
    /** Deepest nesting of lists and maps in an answer. */
    static final int MAX_DEPTH = 64;
    /** Queries running at once; more are refused (503) until one ends. */
    static final int MAX_RUNNING = 2;
    /** Records the driver fetches per round trip, so it holds few records that will not be read. */
    static final long FETCH_SIZE = 50;

    private static final TypeSystem TYPES = TypeSystem.getDefault();
    private static final String EXPLAIN = "EXPLAIN ";
    private static final Pattern POSITION = Pattern.compile("\\(line (\\d+), column (\\d+) \\(offset: (\\d+)\\)\\)");

    /**
     * Rows as JSON-friendly maps. {@code truncated} when the answer stopped early, at the row limit or the byte limit;
     * {@code truncation} then says which, in words (else null).
     */
    public record Result(List<String> columns, List<Map<String, Object>> rows, boolean truncated, String truncation) {}

    /** A query refused or failed, with the HTTP status it deserves (400, 403 for writes, 503 when busy) and a title. */
    public static final class RefusedException extends RuntimeException {
        private final int status;
        private final String title;

        RefusedException(int status, String title, String message) {
            super(message);
            this.status = status;
            this.title = title;
        }

        public int status() {
            return status;
        }

        public String title() {
            return title;
        }
    }

    private static RefusedException notAllowed(String message) {
        return new RefusedException(400, "Query not allowed", message);
    }

    private static RefusedException forbidden(String message) {
        return new RefusedException(403, "Query not allowed", message);
    }

    private static RefusedException failed(String message) {
        return new RefusedException(400, "Query failed", message);
    }

    private final Store store;
    private final Semaphore running = new Semaphore(MAX_RUNNING);

    public ReadOnlyQuery(Store store) {
        this.store = store;
    }

    /**
     * Plans {@code cypher}, refuses it unless the plan only reads, then runs it and returns at most {@code rowLimit}
     * rows and about {@code byteLimit} bytes of JSON.
     *
     * @throws RefusedException when the query is not allowed, fails in the database or times out, when its first row
     *     alone exceeds {@code byteLimit}, or when {@value #MAX_RUNNING} queries are already running
     */
    public Result run(String cypher, Map<String, Object> parameters, Duration timeout, int rowLimit, long byteLimit) {
        if (cypher == null || cypher.isBlank()) {
            throw failed("Give a Cypher query.");
        }
        if (cypher.length() > MAX_LENGTH) {
            throw failed("The query is longer than " + MAX_LENGTH + " characters.");
        }
        if (!running.tryAcquire()) {
            throw new RefusedException(503, "Busy", MAX_RUNNING + " queries are already running; try again when one has "
                    + "finished (each stops after " + timeout.toSeconds() + " s at most).");
        }
        SessionConfig read = SessionConfig.builder().withDatabase(store.database())
                .withDefaultAccessMode(AccessMode.READ).withFetchSize(FETCH_SIZE).build();
        TransactionConfig limits = TransactionConfig.builder().withTimeout(timeout).build();
        // An explicit transaction, not executeRead: a failed or timed-out query is reported, never run again.
        boolean planned = false;
        try (Session session = store.session(read); Transaction tx = session.beginTransaction(limits)) {
            ResultSummary plan = tx.run(EXPLAIN + cypher, parameters).consume();
            planned = true;
            checkPlan(plan);
            return read(tx.run(cypher, parameters), rowLimit, byteLimit);
        } catch (ServiceUnavailableException | SessionExpiredException e) {
            throw e;
        } catch (Neo4jException e) {
            throw fromDatabase(e, timeout, planned);
        } finally {
            running.release();
        }
    }

    /** Refuses the query unless every operator of its plan is a read operator on the application's database. */
    private void checkPlan(ResultSummary summary) {
        String database = summary.database() == null ? null : summary.database().name();
        if (database != null && !database.equals(store.database())) {
            throw notAllowed("Only the database " + store.database() + " can be queried here; this query runs on " + database + ".");
        }
        if (summary.plan() == null || summary.queryType() == null) {
            throw notAllowed("The database gave no plan for this query, so it cannot be checked; it was not run.");
        }
        Deque<Plan> todo = new ArrayDeque<>();
        todo.push(summary.plan());
        while (!todo.isEmpty()) {
            Plan plan = todo.pop();
            checkOperator(plan);
            plan.children().forEach(todo::push);
        }
        if (summary.queryType() != QueryType.READ_ONLY) {
            throw forbidden("Only read-only queries are allowed here; this one is "
                    + summary.queryType().name().toLowerCase(Locale.ROOT).replace('_', ' ') + ".");
        }
    }

    private void checkOperator(Plan plan) {
        String operator = plan.operatorType();
        int at = operator.lastIndexOf('@');
        if (at >= 0) {
            String database = operator.substring(at + 1);
            operator = operator.substring(0, at);
            if (!database.equals(store.database()) && !operator.equals("AdministrationCommand")) {
                throw notAllowed("Only the database " + store.database() + " can be queried here; this query uses "
                        + database + ".");
            }
        }
        String name = operator.contains("(") ? operator.substring(0, operator.indexOf('(')) : operator;
        if (name.equals("ProcedureCall")) {
            checkProcedure(plan);
        } else if (!READ_OPERATORS.contains(name)) {
            throw refusal(name);
        }
    }

    /** Why an operator outside {@link #READ_OPERATORS} is refused, in words. */
    private static RefusedException refusal(String operator) {
        if (operator.equals("AdministrationCommand")) {
            return notAllowed("Administration commands (users, roles, privileges, databases, aliases, servers) are not "
                    + "allowed here: this endpoint only reads the graph.");
        }
        if (operator.startsWith("Show") || operator.startsWith("Terminate")) {
            String command = operator.replaceAll("([a-z])([A-Z])", "$1 $2").toUpperCase(Locale.ROOT);
            return notAllowed(command + " is not allowed here: SHOW and TERMINATE commands reach the server's "
                    + "transactions, settings and schema, and this endpoint only reads the graph.");
        }
        if (operator.startsWith("Transaction")) {
            return notAllowed("CALL { … } IN TRANSACTIONS is not allowed here: it commits batches of its own, and this "
                    + "endpoint runs one read transaction.");
        }
        if (operator.equals("LoadCSV")) {
            return forbidden("LOAD CSV is not allowed here: it reads files and URLs.");
        }
        if (SCHEMA_OPERATORS.contains(operator)) {
            return forbidden("Schema changes are not allowed here: this endpoint only reads.");
        }
        if (WRITE_OPERATORS.contains(operator)) {
            return forbidden("Writes are not allowed here: this endpoint only reads (the query's plan has " + operator + ").");
        }
        return notAllowed("The query's plan uses the operator " + operator + ", which is not one of the read operators "
                + "allowed here.");
    }

    private static void checkProcedure(Plan plan) {
        // Neo4j 5 puts the call in "Details", e.g. "db.labels() :: (label :: STRING)".
        Value signature = plan.arguments().getOrDefault("Details", plan.arguments().get("Signature"));
        String text = signature == null || signature.isNull() ? "" : signature.asString();
        String name = text.contains("(") ? text.substring(0, text.indexOf('(')).strip() : text.strip();
        if (!ALLOWED_PROCEDURES.contains(name)) {
            throw forbidden("Procedure " + (name.isEmpty() ? "calls are" : name + " is") + " not allowed here (allowed: "
                    + String.join(", ", ALLOWED_PROCEDURES.stream().sorted().toList()) + ").");
        }
    }

    /**
     * An error from the database about the caller's query, as a refusal in words (never a stack trace). Before the
     * query was {@code planned}, positions and the quoted text are given back as in the caller's text, without the
     * {@code EXPLAIN} put before it.
     */
    private static RefusedException fromDatabase(Neo4jException e, Duration timeout, boolean planned) {
        String code = e.code() == null ? "" : e.code();
        String message = e.getMessage() == null ? "" : e.getMessage().strip();
        if (!planned) {
            message = withoutExplain(message);
        }
        if (code.contains("TransactionTimedOut")) {
            return failed("The query took longer than the " + timeout.toSeconds() + " s limit and was stopped.");
        }
        if (code.contains("Terminated")) {
            return failed("The query was stopped before it finished (its transaction was terminated).");
        }
        if (code.contains("MemoryPoolOutOfMemoryError") || code.contains("TransactionOutOfMemoryError")) {
            return failed("The query needed more memory than one query may use; ask for less (e.g. fewer rows in a "
                    + "collect, or LIMIT).");
        }
        if (code.contains("AccessMode") || code.contains("Security") || code.contains("Forbidden")) {
            return forbidden("Not allowed here: " + message);
        }
        if (code.contains("UnsupportedAdministrationCommand") || code.contains("NotSystemDatabaseError")
                || message.contains("Administration Command")) {
            return refusal("AdministrationCommand");
        }
        if (message.contains("The system database supports")) {
            return notAllowed("Only the application's database can be queried here, not the system database.");
        }
        if (message.startsWith("Expected exactly one statement per query")) {
            return notAllowed("Send one statement only: this text holds more than one (separated by ';').");
        }
        return failed("The database could not run the query: " + message);
    }

    /** A syntax error's message about {@code EXPLAIN <query>}, told about the query as the caller wrote it. */
    private static String withoutExplain(String message) {
        Matcher position = POSITION.matcher(message);
        StringBuilder shifted = new StringBuilder();
        while (position.find()) {
            int line = Integer.parseInt(position.group(1));
            int column = Integer.parseInt(position.group(2)) - (line == 1 ? EXPLAIN.length() : 0);
            int offset = Math.max(0, Integer.parseInt(position.group(3)) - EXPLAIN.length());
            position.appendReplacement(shifted, "(line " + line + ", column " + Math.max(1, column) + " (offset: " + offset + "))");
        }
        position.appendTail(shifted);
        String[] lines = shifted.toString().split("\n", -1);
        for (int i = 1; i < lines.length; i++) {
            if (lines[i].startsWith("\"" + EXPLAIN)) {
                lines[i] = "\"" + lines[i].substring(1 + EXPLAIN.length());
                if (i + 1 < lines.length && lines[i + 1].startsWith(" ".repeat(EXPLAIN.length()))) {
                    lines[i + 1] = lines[i + 1].substring(EXPLAIN.length());
                }
            }
        }
        return String.join("\n", lines);
    }

    /** Reads rows until the end, {@code rowLimit} rows or about {@code byteLimit} bytes of JSON. */
    private static Result read(org.neo4j.driver.Result result, int rowLimit, long byteLimit) {
        List<String> columns = result.keys();
        List<Map<String, Object>> rows = new ArrayList<>();
        // Room for the answer's own fields: the column names, "truncated" and the reason.
        Budget budget = new Budget(byteLimit - 512 - columns.stream().mapToLong(c -> text(c) + 3).sum());
        while (result.hasNext()) {
            if (rows.size() == rowLimit) {
                return new Result(columns, rows, true, "The query has more than " + rowLimit + " rows; only the first "
                        + rowLimit + " are shown.");
            }
            Record record = result.next();
            Map<String, Object> row = new LinkedHashMap<>();
            try {
                budget.spend(3);
                for (String column : columns) {
                    budget.spend(text(column) + 4);
                    row.put(column, plain(record.get(column), budget, 0));
                }
            } catch (Budget.Exceeded e) {
                if (rows.isEmpty()) {
                    throw notAllowed("The first row alone is larger than the " + megabytes(byteLimit) + " limit for an "
                            + "answer; return less (fewer or smaller values, e.g. properties rather than whole lists).");
                }
                return new Result(columns, rows, true, "The answer would be larger than " + megabytes(byteLimit)
                        + "; only the first " + rows.size() + " rows are shown.");
            }
            rows.add(row);
        }
        return new Result(columns, rows, false, null);
    }

    private static String megabytes(long bytes) {
        return bytes % (1 << 20) == 0 ? (bytes >> 20) + " MB" : bytes + " bytes";
    }

    /** Bytes of JSON still allowed in an answer; spending past it throws {@link Exceeded}. */
    private static final class Budget {
        private long left;

        Budget(long bytes) {
            left = bytes;
        }

        void spend(long bytes) {
            left -= bytes;
            if (left < 0) {
                throw new Exceeded();
            }
        }

        static final class Exceeded extends RuntimeException {
            Exceeded() {
                super(null, null, false, false);
            }
        }
    }

    /**
     * A driver value as plain Java (nodes and relationships become maps of labels/type and properties), charging its
     * size as JSON to {@code budget} as it goes, so a value larger than the budget is never copied whole.
     */
    private static Object plain(Value value, Budget budget, int depth) {
        if (depth > MAX_DEPTH) {
            throw notAllowed("The answer nests lists or maps more than " + MAX_DEPTH + " deep.");
        }
        if (value.isNull()) {
            budget.spend(4);
            return null;
        }
        if (value.hasType(TYPES.STRING())) {
            String s = value.asString();
            budget.spend(s.length() + 2L);
            budget.spend(text(s) - s.length());
            return s;
        }
        if (value.hasType(TYPES.INTEGER())) {
            long number = value.asLong();
            budget.spend(Long.toString(number).length());
            return number;
        }
        if (value.hasType(TYPES.FLOAT())) {
            double number = value.asDouble();
            budget.spend(Double.toString(number).length());
            return number;
        }
        if (value.hasType(TYPES.BOOLEAN())) {
            budget.spend(5);
            return value.asBoolean();
        }
        if (value.hasType(TYPES.LIST())) {
            budget.spend(2);
            List<Object> list = new ArrayList<>();
            for (Value element : value.values()) {
                budget.spend(1);
                list.add(plain(element, budget, depth + 1));
            }
            return list;
        }
        if (value.hasType(TYPES.NODE())) {
            return plainNode(value.asNode(), budget, depth);
        }
        if (value.hasType(TYPES.RELATIONSHIP())) {
            return plainRelationship(value.asRelationship(), budget, depth);
        }
        if (value.hasType(TYPES.PATH())) {
            Path path = value.asPath();
            List<Object> steps = new ArrayList<>();
            budget.spend(2);
            steps.add(plainNode(path.start(), budget, depth + 1));
            for (Path.Segment segment : path) {
                steps.add(plainRelationship(segment.relationship(), budget, depth + 1));
                steps.add(plainNode(segment.end(), budget, depth + 1));
            }
            return steps;
        }
        if (value.hasType(TYPES.MAP())) {
            return plainMap(value, budget, depth);
        }
        if (value.hasType(TYPES.BYTES())) {
            budget.spend(value.asByteArray().length * 4L / 3 + 4);
            return value.asByteArray();
        }
        // Temporal values, durations and points: small, written by the JSON mapper as before.
        Object object = value.asObject();
        budget.spend(String.valueOf(object).length() + 2);
        return object;
    }

    private static Map<String, Object> plainNode(Node node, Budget budget, int depth) {
        Map<String, Object> map = new LinkedHashMap<>();
        List<String> labels = new ArrayList<>();
        budget.spend(30);
        for (String label : node.labels()) {
            budget.spend(text(label) + 3);
            labels.add(label);
        }
        map.put("labels", labels);
        map.put("properties", plainMap(node, budget, depth));
        return map;
    }

    private static Map<String, Object> plainRelationship(Relationship rel, Budget budget, int depth) {
        Map<String, Object> map = new LinkedHashMap<>();
        budget.spend(30 + text(rel.type()));
        map.put("type", rel.type());
        map.put("properties", plainMap(rel, budget, depth));
        return map;
    }

    private static Map<String, Object> plainMap(org.neo4j.driver.types.MapAccessor value, Budget budget, int depth) {
        budget.spend(2);
        Map<String, Object> map = new LinkedHashMap<>();
        for (String key : value.keys()) {
            budget.spend(text(key) + 4);
            map.put(key, plain(value.get(key), budget, depth + 1));
        }
        return map;
    }

    /** Bytes of {@code s} in JSON (UTF-8, with escapes), without its quotes. */
    private static long text(String s) {
        long bytes = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            bytes += c < 0x20 ? 6 : c == '"' || c == '\\' ? 2 : c < 0x80 ? 1 : c < 0x800 ? 2 : 3;
        }
        return bytes;
    }
}
