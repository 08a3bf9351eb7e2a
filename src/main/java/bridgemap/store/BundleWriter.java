package bridgemap.store;

import bridgemap.model.Activity;
import bridgemap.model.Agency;
import bridgemap.model.Borough;
import bridgemap.model.Bundle;
import bridgemap.model.Case;
import bridgemap.model.Catchment;
import bridgemap.model.Funder;
import bridgemap.model.Funding;
import bridgemap.model.Need;
import bridgemap.model.Partnership;
import bridgemap.model.Placement;
import bridgemap.model.Population;
import bridgemap.model.Practitioner;
import bridgemap.model.ProgressListener;
import bridgemap.model.Referral;
import bridgemap.model.Service;
import bridgemap.model.Setting;
import bridgemap.model.Succession;
import bridgemap.model.Vocabulary;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;
import org.neo4j.driver.Record;
import org.neo4j.driver.Result;
import org.neo4j.driver.Session;
import org.neo4j.driver.Transaction;
import org.neo4j.driver.Value;
import org.neo4j.driver.exceptions.Neo4jException;
import org.neo4j.driver.summary.SummaryCounters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a validated {@link Bundle} in <b>one transaction</b>: readers (and a crash) see all of it or none of it,
 * because Neo4j's own commit is the only point at which anything becomes visible.
 *
 * <p>Each file's rows are split by whether the store already holds them (the caller's read of the stored ids):
 * <ul>
 *   <li>rows new to the store are <b>created</b> by {@code cypher/import/create-*.cypher} without any lookup by id
 *       (validation saw that the id is free; the id's uniqueness constraint still guards a race) and refer to other
 *       nodes by element id, a direct seek, checked against the id; the element ids of nodes created earlier in the
 *       import come back from the statements that create them;</li>
 *   <li>rows the store already holds are <b>upserted</b> by {@code merge-*.cypher}, which compare, so re-importing a
 *       bundle counts them unchanged.</li>
 * </ul>
 * A statement that fails, or writes fewer rows or relationships than it was given (a referenced node vanished since
 * validation), rolls the whole transaction back. Measured on the England synthetic bundle (README, Performance),
 * per-row {@code MERGE} lookups were what made the import slow, not the single transaction.
 */
public final class BundleWriter {

    private static final Logger LOG = LoggerFactory.getLogger(BundleWriter.class);

    /** Rows per UNWIND batch. */
    static final int BATCH = 10_000;

    private final Store store;

    public BundleWriter(Store store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    /** Upserts every entity of {@code bundle}, first reading which of its ids the store already holds. */
    public WriteSummary write(Bundle bundle, ProgressListener progress) {
        Map<String, String> nodes = new HashMap<>();
        for (Record record : store.read(Query.NODE_IDS, Map.of())) {
            nodes.put(record.get("id").asString(), record.get("node").asString());
        }
        return write(bundle, progress, nodes::get);
    }

    /**
     * Upserts every entity of {@code bundle} in one transaction: all of it is committed, or none of it.
     *
     * @param storedNode the element id of the stored node with a given id, or null for an id the store does not
     *     hold ({@code store/node-ids.cypher}, read by the caller before validating). Rows it calls new are created
     *     without comparing; should the store have gained such a node in between, the id's uniqueness constraint
     *     fails the transaction; should a stored node have gone, the rows referring to it fall short.
     */
    public WriteSummary write(Bundle bundle, ProgressListener progress, Function<String, String> storedNode) {
        Objects.requireNonNull(bundle, "bundle");
        Objects.requireNonNull(storedNode, "storedNode");
        Predicate<String> stored = id -> storedNode.apply(id) != null;
        Run run = new Run(bundle.size(), progress == null ? ProgressListener.NONE : progress, storedNode);
        List<Step<?>> steps = List.of(
                new Step<>("boroughs.csv", bundle.boroughs(), b -> !stored.test(b.id()),
                        Query.CREATE_BOROUGHS, BundleWriter::borough, Query.MERGE_BOROUGHS, BundleWriter::borough),
                new Step<>("agencies.csv", bundle.agencies(), a -> !stored.test(a.id()),
                        Query.CREATE_AGENCIES, BundleWriter::agency, Query.MERGE_AGENCIES, BundleWriter::agency),
                new Step<>("needs.csv", bundle.needs(), n -> !stored.test(n.id()),
                        Query.CREATE_NEEDS, BundleWriter::need, Query.MERGE_NEEDS, BundleWriter::need),
                new Step<>("funders.csv", bundle.funders(), f -> !stored.test(f.id()),
                        Query.CREATE_FUNDERS, BundleWriter::funder, Query.MERGE_FUNDERS, BundleWriter::funder),
                new Step<>("settings.csv", bundle.settings(), s -> !stored.test(s.id()),
                        Query.CREATE_SETTINGS, s -> newSetting(s, run::reference), Query.MERGE_SETTINGS, BundleWriter::setting),
                new Step<>("services.csv", bundle.services(), s -> !stored.test(s.id()),
                        Query.CREATE_SERVICES, s -> newService(s, run::reference), Query.MERGE_SERVICES, BundleWriter::service),
                new Step<>("practitioners.csv", bundle.practitioners(), p -> !stored.test(p.id()),
                        Query.CREATE_PRACTITIONERS, p -> newPractitioner(p, run::reference),
                        Query.MERGE_PRACTITIONERS, BundleWriter::practitioner),
                new Step<>("placements.csv", bundle.placements(),
                        p -> !stored.test(p.practitionerId()) || !stored.test(p.settingId()),
                        Query.CREATE_PLACEMENTS, p -> newPlacement(p, run::reference),
                        Query.MERGE_PLACEMENTS, BundleWriter::placement),
                new Step<>("funding.csv", bundle.funding(), f -> !stored.test(f.funderId()) || !stored.test(f.practitionerId()),
                        Query.CREATE_FUNDING, f -> newFunding(f, run::reference), Query.MERGE_FUNDING, BundleWriter::funding),
                new Step<>("partnerships.csv", bundle.partnerships(), p -> !stored.test(p.fromId()) || !stored.test(p.toId()),
                        Query.CREATE_PARTNERSHIPS, p -> newPartnership(p, run::reference),
                        Query.MERGE_PARTNERSHIPS, BundleWriter::partnership),
                new Step<>("cases.csv", bundle.cases(), c -> !stored.test(c.id()),
                        Query.CREATE_CASES, c -> newCase(c, run::reference), Query.MERGE_CASES, BundleWriter::caseRow),
                new Step<>("referrals.csv", bundle.referrals(), r -> !stored.test(r.id()),
                        Query.CREATE_REFERRALS, r -> newReferral(r, run::reference),
                        Query.MERGE_REFERRALS, BundleWriter::referral),
                // Rows without an id of their own, few per bundle: always upserted, looked up by their setting or borough.
                Step.merged("catchments.csv", bundle.catchments(), Query.MERGE_CATCHMENTS, BundleWriter::catchment),
                Step.merged("activity.csv", bundle.activity(), Query.MERGE_ACTIVITY, BundleWriter::activity),
                Step.merged("populations.csv", bundle.populations(), Query.MERGE_POPULATIONS, BundleWriter::population),
                Step.merged("successions.csv", bundle.successions(), Query.MERGE_SUCCESSIONS, BundleWriter::succession));

        try {
            writeAll(bundle, steps, run);
        } catch (Neo4jException e) {
            if (e.getMessage() != null && e.getMessage().contains("dbms.memory.transaction")) {
                throw new IllegalStateException("The bundle (" + bundle.size() + " rows) does not fit in one transaction "
                        + "with this Java heap, so nothing was written: run Java with a larger -Xmx (the synthetic England "
                        + "bundle, 1.2 million rows, needs -Xmx10g in one transaction), or load it into an empty store, "
                        + "which `bridgemap import` does with Neo4j's bulk importer in far less memory. Neo4j said: "
                        + e.getMessage(), e);
            }
            throw e;
        }
        List<WriteSummary.EntityCounts> entities = new ArrayList<>();
        for (Step<?> step : steps) {
            if (!step.items().isEmpty()) {
                long[] counts = run.counts.getOrDefault(step.file(), new long[2]);
                entities.add(new WriteSummary.EntityCounts(step.file(), step.items().size(), counts[0], counts[1]));
            }
        }
        return new WriteSummary(entities, run.relationshipsCreated, run.relationshipsDeleted);
    }

    /** Runs every step in one transaction and commits it. */
    private void writeAll(Bundle bundle, List<Step<?>> steps, Run run) {
        try (Session session = store.session(); Transaction tx = session.beginTransaction()) {
            for (Step<?> step : steps) {
                for (List<Map<String, Object>> batch : step.storedBatches()) {
                    run.batch(tx, step.file(), step.merge(), batch, false);
                }
                for (List<Map<String, Object>> batch : step.newBatches()) {
                    run.batch(tx, step.file(), step.create(), batch, true);
                }
            }
            if (!bundle.settings().isEmpty() || !bundle.services().isEmpty()) {
                run.count(tx.run(store.cypher(Query.DERIVE_OPERATES_IN)).consume().counters());
            }
            run.progress.progress("committing", 0, 1);
            long commitStarted = System.nanoTime();
            tx.commit();
            LOG.info("Committed {} rows and {} relationships in {} s", bundle.size(), run.relationshipsCreated,
                    String.format(Locale.ROOT, "%.1f", (System.nanoTime() - commitStarted) / 1e9));
            run.progress.progress("committing", 1, 1);
        }
    }

    /** One bundle file: its rows split into those to create (new to the store) and those to merge (stored). */
    private record Step<T>(String file, List<T> items, Predicate<T> isNew, Query create,
            Function<T, Map<String, Object>> newRow, Query merge, Function<T, Map<String, Object>> storedRow) {

        /** A file whose rows are always upserted by {@code merge}, new to the store or not. */
        static <T> Step<T> merged(String file, List<T> items, Query merge, Function<T, Map<String, Object>> row) {
            return new Step<>(file, items, item -> false, merge, row, merge, row);
        }

        Iterable<List<Map<String, Object>>> newBatches() {
            return batches(true);
        }

        Iterable<List<Map<String, Object>>> storedBatches() {
            return batches(false);
        }

        /** Parameter rows in batches of {@link #BATCH}, built one batch at a time. */
        private Iterable<List<Map<String, Object>>> batches(boolean fresh) {
            return () -> new java.util.Iterator<>() {
                private int next = advance(0);

                private int advance(int from) {
                    while (from < items.size() && isNew.test(items.get(from)) != fresh) {
                        from++;
                    }
                    return from;
                }

                @Override
                public boolean hasNext() {
                    return next < items.size();
                }

                @Override
                public List<Map<String, Object>> next() {
                    List<Map<String, Object>> rows = new ArrayList<>(Math.min(BATCH, items.size() - next));
                    while (next < items.size() && rows.size() < BATCH) {
                        rows.add((fresh ? newRow : storedRow).apply(items.get(next)));
                        next = advance(next + 1);
                    }
                    return rows;
                }
            };
        }
    }

    /** The counts of one write and its progress. */
    private final class Run {
        private final long total;
        private final ProgressListener progress;
        private final Map<String, long[]> counts = new HashMap<>();
        /** The element id of each node created so far, by id. */
        private final Map<String, String> nodes = new HashMap<>();
        private long done;
        private long relationshipsCreated;
        private long relationshipsDeleted;

        private final Function<String, String> storedNode;

        Run(long total, ProgressListener progress, Function<String, String> storedNode) {
            this.total = total;
            this.progress = progress;
            this.storedNode = storedNode;
        }

        /** Runs one batch; new rows count as created, merged rows as the statement says. */
        void batch(Transaction tx, String file, Query query, List<Map<String, Object>> rows, boolean created) {
            Result result = tx.run(store.cypher(query), Map.of("rows", rows));
            Record record = result.single();
            long written = record.get("written").asLong();
            if (written != rows.size()) {
                // Validation saw every reference; a shortfall means the store changed underneath us.
                throw new IllegalStateException("Only " + written + " of " + rows.size() + " rows of " + file
                        + " could be written (a referenced node is missing); the import was rolled back");
            }
            if (record.containsKey("nodes")) {
                for (Value pair : record.get("nodes").values()) {
                    nodes.put(pair.get(0).asString(), pair.get(1).asString());
                }
            }
            long[] fileCounts = counts.computeIfAbsent(file, f -> new long[2]);
            if (created) {
                fileCounts[0] += rows.size();
            } else {
                fileCounts[0] += record.get("created").asLong();
                fileCounts[1] += record.get("updated").asLong();
            }
            SummaryCounters counters = result.consume().counters();
            if (record.containsKey("relationships") && counters.relationshipsCreated() != record.get("relationships").asLong()) {
                throw new IllegalStateException("Only " + counters.relationshipsCreated() + " of "
                        + record.get("relationships").asLong() + " relationships of " + file
                        + " could be written (a referenced node is missing); the import was rolled back");
            }
            count(counters);
            done += rows.size();
            progress.progress("writing " + file, done, total);
        }

        /**
         * A reference to node {@code id} as the create statements take it: {id, node}, node being the element id of
         * the node this import created or of the stored one (null, so the row falls short, when there is neither).
         */
        Map<String, Object> reference(String id) {
            String node = nodes.get(id);
            return map("id", id, "node", node != null ? node : storedNode.apply(id));
        }

        void count(SummaryCounters counters) {
            relationshipsCreated += counters.relationshipsCreated();
            relationshipsDeleted += counters.relationshipsDeleted();
        }
    }

    /** The summary of writing {@code bundle} into a store that held none of it: every row created. */
    public static WriteSummary allCreated(Bundle bundle, long relationshipsCreated) {
        List<WriteSummary.EntityCounts> entities = new ArrayList<>();
        List<Map.Entry<String, List<?>>> files = List.of(
                Map.entry("boroughs.csv", bundle.boroughs()), Map.entry("agencies.csv", bundle.agencies()),
                Map.entry("needs.csv", bundle.needs()), Map.entry("funders.csv", bundle.funders()),
                Map.entry("settings.csv", bundle.settings()), Map.entry("services.csv", bundle.services()),
                Map.entry("practitioners.csv", bundle.practitioners()), Map.entry("placements.csv", bundle.placements()),
                Map.entry("funding.csv", bundle.funding()), Map.entry("partnerships.csv", bundle.partnerships()),
                Map.entry("cases.csv", bundle.cases()), Map.entry("referrals.csv", bundle.referrals()),
                Map.entry("catchments.csv", bundle.catchments()), Map.entry("activity.csv", bundle.activity()),
                Map.entry("populations.csv", bundle.populations()), Map.entry("successions.csv", bundle.successions()));
        for (Map.Entry<String, List<?>> file : files) {
            if (!file.getValue().isEmpty()) {
                int rows = file.getValue().size();
                entities.add(new WriteSummary.EntityCounts(file.getKey(), rows, rows, 0));
            }
        }
        return new WriteSummary(entities, relationshipsCreated, 0);
    }

    // ---- the same graph for the bulk loader (BulkLoad): what the create-*.cypher statements and derive-operates-in write

    /** The nodes and relationships {@code create-*.cypher} and {@code derive-operates-in.cypher} write for {@code bundle}. */
    static BulkLoad.BulkGraph bulkGraph(Bundle bundle) {
        List<BulkLoad.Segment<?>> nodes = List.of(
                nodes(bundle.boroughs(), "Borough", BundleWriter::borough),
                nodes(bundle.agencies(), "Agency", BundleWriter::agency),
                nodes(bundle.needs(), "Need", BundleWriter::need),
                nodes(bundle.funders(), "Funder", BundleWriter::funder),
                nodes(bundle.settings(), "Setting", BundleWriter::setting),
                nodes(bundle.services(), "Service", BundleWriter::service),
                nodes(bundle.practitioners(), "Practitioner", BundleWriter::practitioner),
                nodes(bundle.cases(), "Case", BundleWriter::caseRow),
                nodes(bundle.referrals(), "Referral", BundleWriter::referral),
                new BulkLoad.Segment<Activity>(bundle.activity(), (a, out) ->
                        out.add(BulkLoad.Entity.node(importId(a), "Activity", props(activity(a))))),
                new BulkLoad.Segment<Population>(bundle.populations(), (p, out) ->
                        out.add(BulkLoad.Entity.node(importId(p), "Population", props(population(p))))));
        List<BulkLoad.Segment<?>> relationships = List.of(
                new BulkLoad.Segment<Setting>(bundle.settings(), (s, out) -> {
                    out.add(BulkLoad.Entity.relationship(s.id(), "IN", s.boroughId(), Map.of()));
                    out.add(BulkLoad.Entity.relationship(s.id(), "RUN_BY", s.runById(), Map.of()));
                }),
                new BulkLoad.Segment<Service>(bundle.services(), (s, out) -> {
                    out.add(BulkLoad.Entity.relationship(s.id(), "OFFERED_BY", s.agencyId(), Map.of()));
                    s.boroughIds().forEach(b -> out.add(BulkLoad.Entity.relationship(s.id(), "SERVES", b, Map.of())));
                    s.accepts().forEach(n -> out.add(BulkLoad.Entity.relationship(s.id(), "ACCEPTS", n, Map.of())));
                    s.excludes().forEach(n -> out.add(BulkLoad.Entity.relationship(s.id(), "EXCLUDES", n, Map.of())));
                }),
                new BulkLoad.Segment<Practitioner>(bundle.practitioners(), (p, out) ->
                        out.add(BulkLoad.Entity.relationship(p.id(), "EMPLOYED_BY", p.employerId(), Map.of()))),
                new BulkLoad.Segment<Placement>(bundle.placements(), (p, out) -> out.add(BulkLoad.Entity.relationship(
                        p.practitionerId(), "PLACED_AT", p.settingId(), props(placement(p))))),
                new BulkLoad.Segment<Funding>(bundle.funding(), (f, out) -> out.add(BulkLoad.Entity.relationship(
                        f.funderId(), "FUNDS", f.practitionerId(), props(funding(f))))),
                new BulkLoad.Segment<Partnership>(bundle.partnerships(), (p, out) -> out.add(BulkLoad.Entity.relationship(
                        p.fromId(), "PARTNERS_WITH", p.toId(), props(partnership(p))))),
                new BulkLoad.Segment<Case>(bundle.cases(), (c, out) ->
                        c.needIds().forEach(n -> out.add(BulkLoad.Entity.relationship(c.id(), "HAS_NEED", n, Map.of())))),
                new BulkLoad.Segment<Referral>(bundle.referrals(), (r, out) -> {
                    out.add(BulkLoad.Entity.relationship(r.caseId(), "HAD", r.id(), Map.of()));
                    out.add(BulkLoad.Entity.relationship(r.id(), "FROM", r.fromId(), Map.of()));
                    out.add(BulkLoad.Entity.relationship(r.id(), "TO", r.toId(), Map.of()));
                }),
                new BulkLoad.Segment<Map.Entry<String, String>>(operatesIn(bundle), (e, out) ->
                        out.add(BulkLoad.Entity.relationship(e.getKey(), "OPERATES_IN", e.getValue(), Map.of()))),
                new BulkLoad.Segment<Catchment>(bundle.catchments(), (c, out) -> c.boroughIds().forEach(b ->
                        out.add(BulkLoad.Entity.relationship(c.settingId(), "CATCHMENT_INCLUDES", b,
                                map("area", c.area()))))),
                new BulkLoad.Segment<Activity>(bundle.activity(), (a, out) ->
                        out.add(BulkLoad.Entity.relationship(importId(a), "AT", a.settingId(), Map.of()))),
                new BulkLoad.Segment<Population>(bundle.populations(), (p, out) ->
                        out.add(BulkLoad.Entity.relationship(importId(p), "OF", p.boroughId(), Map.of()))),
                new BulkLoad.Segment<Succession>(bundle.successions(), (s, out) -> out.add(BulkLoad.Entity.relationship(
                        s.predecessorId(), "SUCCEEDED_BY", s.successorId(), props(succession(s))))));
        return new BulkLoad.BulkGraph(nodes, relationships);
    }

    /**
     * The bulk importer's id for a node without an id of its own (activity, population): made from its key, with
     * control characters no bundle id may hold, so it can meet no other node's id. The importer does not store it.
     */
    private static String importId(Activity a) {
        return "\u0001activity\u0001" + a.settingId() + "\u0001" + a.measure().code() + "\u0001" + a.period().start();
    }

    private static String importId(Population p) {
        return "\u0001population\u0001" + p.boroughId() + "\u0001" + p.year();
    }

    private static <T> BulkLoad.Segment<T> nodes(List<T> rows, String label, Function<T, Map<String, Object>> row) {
        return new BulkLoad.Segment<>(rows, (item, out) -> {
            Map<String, Object> props = props(row.apply(item));
            out.add(BulkLoad.Entity.node((String) props.get("id"), label, props));
        });
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> props(Map<String, Object> row) {
        return (Map<String, Object>) row.get("props");
    }

    /** (agency, borough) pairs as derive-operates-in.cypher derives them: the boroughs of its settings and services. */
    private static List<Map.Entry<String, String>> operatesIn(Bundle bundle) {
        java.util.Set<Map.Entry<String, String>> pairs = new java.util.LinkedHashSet<>();
        bundle.settings().forEach(s -> pairs.add(Map.entry(s.runById(), s.boroughId())));
        bundle.services().forEach(s -> s.boroughIds().forEach(b -> pairs.add(Map.entry(s.agencyId(), b))));
        return List.copyOf(pairs);
    }

    // ---- model to parameter maps (null values left out, so stored properties compare equal) ------

    private static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> map = new HashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            if (keysAndValues[i + 1] != null) {
                map.put((String) keysAndValues[i], keysAndValues[i + 1]);
            }
        }
        return map;
    }

    private static String code(Vocabulary value) {
        return value == null ? null : value.code();
    }

    private static List<String> sorted(List<String> ids) {
        return ids.stream().sorted().toList();
    }

    private static Map<String, Object> borough(Borough b) {
        return map("id", b.id(), "props", map("id", b.id(), "name", b.name(), "region", b.region()));
    }

    private static Map<String, Object> agency(Agency a) {
        return map("id", a.id(), "props", map("id", a.id(), "name", a.name(), "sector", code(a.sector()),
                "kind", code(a.kind()), "odsCode", a.odsCode()));
    }

    private static Map<String, Object> need(Need n) {
        return map("id", n.id(), "props", map("id", n.id(), "name", n.name()));
    }

    private static Map<String, Object> funder(Funder f) {
        return map("id", f.id(), "props", map("id", f.id(), "name", f.name(), "kind", code(f.kind())));
    }

    private static Map<String, Object> setting(Setting s) {
        return map("id", s.id(), "borough", s.boroughId(), "runBy", s.runById(),
                "props", map("id", s.id(), "name", s.name(), "kind", code(s.kind())));
    }

    private static Map<String, Object> service(Service s) {
        return map("id", s.id(), "agency", s.agencyId(), "boroughs", sorted(s.boroughIds()),
                "accepts", sorted(s.accepts()), "excludes", sorted(s.excludes()),
                "props", serviceProperties(s));
    }

    /** What a Service node holds: the same map for a new node and an upserted one (an absent value is no property). */
    private static Map<String, Object> serviceProperties(Service s) {
        return map("id", s.id(), "name", s.name(), "kind", s.kind(), "capacityPerMonth", s.capacityPerMonth(),
                "waitWeeks", s.waitWeeks(), "start", s.period().start(), "end", s.period().end());
    }

    private static Map<String, Object> practitioner(Practitioner p) {
        return map("id", p.id(), "employer", p.employerId(),
                "props", map("id", p.id(), "role", p.role(), "discipline", p.discipline(), "fte", p.fte(),
                        "start", p.period().start(), "end", p.period().end()));
    }

    private static Map<String, Object> placement(Placement p) {
        return map("practitioner", p.practitionerId(), "setting", p.settingId(), "start", p.period().start(),
                "props", map("start", p.period().start(), "end", p.period().end()));
    }

    private static Map<String, Object> funding(Funding f) {
        return map("funder", f.funderId(), "practitioner", f.practitionerId(), "start", f.period().start(),
                "props", map("amountGbp", f.amountGbp(), "start", f.period().start(), "end", f.period().end()));
    }

    private static Map<String, Object> partnership(Partnership p) {
        Map<String, Object> row = map("from", p.fromId(), "to", p.toId(), "kind", p.kind(),
                "props", map("kind", p.kind(), "start", p.period().start(), "end", p.period().end()));
        row.put("start", p.period().start()); // explicitly null when absent: the key matches on it
        return row;
    }

    private static Map<String, Object> catchment(Catchment c) {
        return map("setting", c.settingId(), "boroughs", sorted(c.boroughIds()), "area", c.area());
    }

    private static Map<String, Object> activity(Activity a) {
        return map("setting", a.settingId(), "measure", code(a.measure()), "start", a.period().start(),
                "props", map("measure", code(a.measure()), "start", a.period().start(), "end", a.period().end(),
                        "count", a.count(), "mentalHealthShare", a.mentalHealthShare(), "source", a.source()));
    }

    private static Map<String, Object> population(Population p) {
        return map("borough", p.boroughId(), "year", p.year(),
                "props", map("year", p.year(), "people", p.people(), "source", p.source()));
    }

    private static Map<String, Object> succession(Succession s) {
        return map("predecessor", s.predecessorId(), "successor", s.successorId(),
                "props", map("date", s.date(), "takes", s.takes().stream().map(Succession.Takes::code).toList(),
                        "note", s.note()));
    }

    private static Map<String, Object> caseRow(Case c) {
        return map("id", c.id(), "needs", sorted(c.needIds()),
                "props", map("id", c.id(), "borough", c.boroughId(), "ageBand", c.ageBand(), "gender", code(c.gender())));
    }

    // ---- rows to create: every reference is {id, node}, node being the element id ----------------------------

    private static Map<String, Object> newSetting(Setting s, Function<String, Object> ref) {
        return map("borough", ref.apply(s.boroughId()), "runBy", ref.apply(s.runById()),
                "props", map("id", s.id(), "name", s.name(), "kind", code(s.kind())));
    }

    private static Map<String, Object> newService(Service s, Function<String, Object> ref) {
        return map("agency", ref.apply(s.agencyId()), "boroughs", refs(s.boroughIds(), ref),
                "accepts", refs(s.accepts(), ref), "excludes", refs(s.excludes(), ref),
                "props", serviceProperties(s));
    }

    private static List<Object> refs(List<String> ids, Function<String, Object> ref) {
        return ids.stream().map(ref).toList();
    }

    private static Map<String, Object> newPractitioner(Practitioner p, Function<String, Object> ref) {
        return map("employer", ref.apply(p.employerId()),
                "props", map("id", p.id(), "role", p.role(), "discipline", p.discipline(), "fte", p.fte(),
                        "start", p.period().start(), "end", p.period().end()));
    }

    private static Map<String, Object> newPlacement(Placement p, Function<String, Object> ref) {
        return map("practitioner", ref.apply(p.practitionerId()), "setting", ref.apply(p.settingId()),
                "props", map("start", p.period().start(), "end", p.period().end()));
    }

    private static Map<String, Object> newFunding(Funding f, Function<String, Object> ref) {
        return map("funder", ref.apply(f.funderId()), "practitioner", ref.apply(f.practitionerId()),
                "props", map("amountGbp", f.amountGbp(), "start", f.period().start(), "end", f.period().end()));
    }

    private static Map<String, Object> newPartnership(Partnership p, Function<String, Object> ref) {
        return map("from", ref.apply(p.fromId()), "to", ref.apply(p.toId()),
                "props", map("kind", p.kind(), "start", p.period().start(), "end", p.period().end()));
    }

    private static Map<String, Object> newCase(Case c, Function<String, Object> ref) {
        return map("needs", refs(c.needIds(), ref),
                "props", map("id", c.id(), "borough", c.boroughId(), "ageBand", c.ageBand(), "gender", code(c.gender())));
    }

    private static Map<String, Object> newReferral(Referral r, Function<String, Object> ref) {
        return map("case", ref.apply(r.caseId()), "from", ref.apply(r.fromId()), "to", ref.apply(r.toId()),
                "props", map("id", r.id(), "date", r.date(), "outcome", code(r.outcome()), "reason", r.reason()));
    }

    private static Map<String, Object> referral(Referral r) {
        return map("id", r.id(), "case", r.caseId(), "from", r.fromId(), "to", r.toId(),
                "props", map("id", r.id(), "date", r.date(), "outcome", code(r.outcome()), "reason", r.reason()));
    }
}
