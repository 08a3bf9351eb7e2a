package bridgemap.store;

import bridgemap.model.Agency;
import bridgemap.model.Borough;
import bridgemap.model.Bundle;
import bridgemap.model.Case;
import bridgemap.model.Funder;
import bridgemap.model.Funding;
import bridgemap.model.Need;
import bridgemap.model.Partnership;
import bridgemap.model.Placement;
import bridgemap.model.Practitioner;
import bridgemap.model.ProgressListener;
import bridgemap.model.Referral;
import bridgemap.model.Service;
import bridgemap.model.Setting;
import bridgemap.model.Vocabulary;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.UUID;
import java.time.Duration;
import org.neo4j.driver.exceptions.ClientException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.neo4j.driver.Record;
import org.neo4j.driver.Result;
import org.neo4j.driver.Session;
import org.neo4j.driver.Transaction;
import org.neo4j.driver.Value;
import org.neo4j.driver.summary.SummaryCounters;

/**
 * Writes a validated {@link Bundle} so that readers see all of it or none of it, at any size.
 *
 * <p>Neo4j keeps an open transaction's changes on the heap (about 4 KB per new row, measured), so a bundle of a
 * million rows cannot be one transaction. Rows the store does not hold yet are therefore <b>staged</b>: written by
 * {@code cypher/import/stage-*.cypher} in transactions of about {@link #STAGE_ROWS} rows, as nodes that carry only
 * a label {@code Staged<Kind>} (no domain label), which no query of the application can see; their relationships
 * already have their final types. Staging refers to every node by its element id (one seek; stored nodes' element
 * ids come with the caller's read of the stored ids), checked against its id. One last transaction then <b>publishes</b>: it gives
 * every staged node its domain label ({@code publish-staged.cypher}), upserts the rows already stored through
 * {@code merge-*.cypher} (which compare, so re-importing counts them unchanged), derives OPERATES_IN and removes the
 * import's in-progress mark. Its commit makes the whole import visible at once.
 *
 * <p>If anything fails before that commit — a statement, a shortfall of written rows or relationships (a
 * referenced node vanished since validation), the process — nothing was published: the staged nodes are deleted
 * with their relationships, at once by this writer or, after a crash, by {@link #discardInterrupted} when the
 * store is next opened (embedded) or when the next import finds the mark abandoned (external). One import stages
 * at a time per store: the mark has a unique key.
 */
public final class BundleWriter {

    /** Rows per UNWIND batch. */
    static final int BATCH = 10_000;
    /** Rows staged per transaction: some 400 MB of transaction state. */
    static final int STAGE_ROWS = 100_000;
    /** An in-progress mark untouched for this long belongs to an import that died (external stores). */
    static final Duration ABANDONED = Duration.ofMinutes(10);

    private static final Logger LOG = LoggerFactory.getLogger(BundleWriter.class);

    private final Store store;
    private final int stageRows;

    public BundleWriter(Store store) {
        this(store, STAGE_ROWS);
    }

    /** A writer committing a staging transaction every {@code stageRows} rows (tests use small numbers). */
    BundleWriter(Store store, int stageRows) {
        this.store = Objects.requireNonNull(store, "store");
        if (stageRows < 1) {
            throw new IllegalArgumentException("stageRows must be at least 1, was " + stageRows);
        }
        this.stageRows = stageRows;
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
     * Upserts every entity of {@code bundle}: all of it becomes visible at once, or none of it.
     *
     * @param storedNode the element id of the stored node with a given id, or null for an id the store does not
     *     hold ({@code store/node-ids.cypher}, read by the caller before validating). Rows it calls new are staged
     *     without comparing; should the store have gained such a node in between, the id's uniqueness constraint
     *     fails the publishing transaction; should a stored node have gone, the rows referring to it fall short.
     */
    public WriteSummary write(Bundle bundle, ProgressListener progress, Function<String, String> storedNode) {
        Objects.requireNonNull(bundle, "bundle");
        Objects.requireNonNull(storedNode, "storedNode");
        Predicate<String> stored = id -> storedNode.apply(id) != null;
        Run run = new Run(bundle.size(), progress == null ? ProgressListener.NONE : progress, storedNode);
        List<Step<?>> steps = List.of(
                new Step<>("boroughs.csv", bundle.boroughs(), b -> !stored.test(b.id()),
                        Query.STAGE_BOROUGHS, BundleWriter::borough, Query.MERGE_BOROUGHS, BundleWriter::borough),
                new Step<>("agencies.csv", bundle.agencies(), a -> !stored.test(a.id()),
                        Query.STAGE_AGENCIES, BundleWriter::agency, Query.MERGE_AGENCIES, BundleWriter::agency),
                new Step<>("needs.csv", bundle.needs(), n -> !stored.test(n.id()),
                        Query.STAGE_NEEDS, BundleWriter::need, Query.MERGE_NEEDS, BundleWriter::need),
                new Step<>("funders.csv", bundle.funders(), f -> !stored.test(f.id()),
                        Query.STAGE_FUNDERS, BundleWriter::funder, Query.MERGE_FUNDERS, BundleWriter::funder),
                new Step<>("settings.csv", bundle.settings(), s -> !stored.test(s.id()),
                        Query.STAGE_SETTINGS, s -> stagedSetting(s, run::reference), Query.MERGE_SETTINGS, BundleWriter::setting),
                new Step<>("services.csv", bundle.services(), s -> !stored.test(s.id()),
                        Query.STAGE_SERVICES, s -> stagedService(s, run::reference), Query.MERGE_SERVICES, BundleWriter::service),
                new Step<>("practitioners.csv", bundle.practitioners(), p -> !stored.test(p.id()),
                        Query.STAGE_PRACTITIONERS, p -> stagedPractitioner(p, run::reference),
                        Query.MERGE_PRACTITIONERS, BundleWriter::practitioner),
                new Step<>("placements.csv", bundle.placements(),
                        p -> !stored.test(p.practitionerId()) || !stored.test(p.settingId()),
                        Query.STAGE_PLACEMENTS, p -> stagedPlacement(p, run::reference),
                        Query.MERGE_PLACEMENTS, BundleWriter::placement),
                new Step<>("funding.csv", bundle.funding(), f -> !stored.test(f.funderId()) || !stored.test(f.practitionerId()),
                        Query.STAGE_FUNDING, f -> stagedFunding(f, run::reference), Query.MERGE_FUNDING, BundleWriter::funding),
                new Step<>("partnerships.csv", bundle.partnerships(), p -> !stored.test(p.fromId()) || !stored.test(p.toId()),
                        Query.STAGE_PARTNERSHIPS, p -> stagedPartnership(p, run::reference),
                        Query.MERGE_PARTNERSHIPS, BundleWriter::partnership),
                new Step<>("cases.csv", bundle.cases(), c -> !stored.test(c.id()),
                        Query.STAGE_CASES, c -> stagedCase(c, run::reference), Query.MERGE_CASES, BundleWriter::caseRow),
                new Step<>("referrals.csv", bundle.referrals(), r -> !stored.test(r.id()),
                        Query.STAGE_REFERRALS, r -> stagedReferral(r, run::reference),
                        Query.MERGE_REFERRALS, BundleWriter::referral));

        String importId = UUID.randomUUID().toString();
        claim(importId);
        try (Session session = store.session()) {
            long staged = 0;
            Transaction tx = session.beginTransaction();
            try {
                long inTransaction = 0;
                for (Step<?> step : steps) {
                    for (List<Map<String, Object>> batch : step.newBatches()) {
                        if (inTransaction >= stageRows) {
                            commitStaging(tx, importId);
                            tx = session.beginTransaction();
                            inTransaction = 0;
                        }
                        run.batch(tx, step.file(), step.stage(), batch, true);
                        inTransaction += batch.size();
                        staged += step.isNode() ? batch.size() : 0;
                    }
                }
                commitStaging(tx, importId);
            } finally {
                tx.close();
            }
            run.progress.progress("publishing " + staged + " new nodes", 0, 1);
            try (Transaction publish = session.beginTransaction()) {
                long published = publish.run(store.cypher(Query.PUBLISH_STAGED)).single().get("published").asLong();
                if (published != staged) {
                    throw new IllegalStateException("Staged " + staged + " nodes but found " + published
                            + " to publish (another import's?); the import was rolled back");
                }
                for (Step<?> step : steps) {
                    for (List<Map<String, Object>> batch : step.storedBatches()) {
                        run.batch(publish, step.file(), step.merge(), batch, false);
                    }
                }
                if (!bundle.settings().isEmpty() || !bundle.services().isEmpty()) {
                    run.count(publish.run(store.cypher(Query.DERIVE_OPERATES_IN)).consume().counters());
                }
                if (publish.run(store.cypher(Query.RELEASE_IMPORT), Map.of("id", importId)).single()
                        .get("released").asLong() != 1) {
                    throw new IllegalStateException("The import lost its in-progress mark; it was rolled back");
                }
                publish.commit();
            }
            run.progress.progress("publishing " + staged + " new nodes", 1, 1);
        } catch (RuntimeException e) {
            try {
                discard(importId);
            } catch (RuntimeException cleanup) {
                e.addSuppressed(cleanup);
                LOG.warn("Could not discard what import {} staged; it stays invisible and is removed when the store "
                        + "is next opened: {}", importId, cleanup.getMessage());
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

    private void commitStaging(Transaction tx, String importId) {
        if (tx.run(store.cypher(Query.HEARTBEAT_IMPORT), Map.of("id", importId)).single().get("held").asLong() != 1) {
            throw new IllegalStateException("The import lost its in-progress mark (taken for abandoned?); it was rolled back");
        }
        tx.commit();
    }

    /** Marks import {@code id} as in progress, first clearing an abandoned one; fails while another is alive. */
    private void claim(String id) {
        try (Session session = store.session()) {
            for (int attempt = 0; ; attempt++) {
                try {
                    session.run(store.cypher(Query.CLAIM_IMPORT), Map.of("id", id)).consume();
                    return;
                } catch (ClientException e) {
                    if (!"Neo.ClientError.Schema.ConstraintValidationFailed".equals(e.code()) || attempt > 0) {
                        throw e;
                    }
                }
                List<Record> other = session.run(store.cypher(Query.IMPORT_IN_PROGRESS)).list();
                if (!other.isEmpty() && other.get(0).get("idleSeconds").asLong() < ABANDONED.toSeconds()) {
                    throw new IllegalStateException("Another import (" + other.get(0).get("id").asString()
                            + ") is in progress on this store; try again when it has finished");
                }
                discardInterrupted(store);
            }
        }
    }

    private void discard(String importId) {
        try (Session session = store.session()) {
            session.run(store.cypher(Query.DISCARD_STAGED)).consume();
            session.run(store.cypher(Query.RELEASE_IMPORT), Map.of("id", importId)).consume();
        }
    }

    /**
     * Deletes whatever an interrupted import staged and its in-progress mark. Call only when no import can be
     * running: when the embedded store opens ({@link Store#open}), or for an abandoned mark.
     *
     * @return whether there was anything to remove
     */
    public static boolean discardInterrupted(Store store) {
        try (Session session = store.session()) {
            List<Record> marks = session.run(store.cypher(Query.IMPORT_IN_PROGRESS)).list();
            session.run(store.cypher(Query.DISCARD_STAGED)).consume();
            for (Record mark : marks) {
                LOG.warn("Discarded what the interrupted import {} had staged; nothing of it was ever visible",
                        mark.get("id").asString());
                session.run(store.cypher(Query.RELEASE_IMPORT), Map.of("id", mark.get("id").asString())).consume();
            }
            return !marks.isEmpty();
        }
    }

    /** One bundle file: its rows split into those to stage (new to the store) and those to merge (stored). */
    private record Step<T>(String file, List<T> items, Predicate<T> isNew, Query stage,
            Function<T, Map<String, Object>> stagedRow, Query merge, Function<T, Map<String, Object>> storedRow) {

        /** Node files stage nodes; placements, funding and partnerships only relationships. */
        boolean isNode() {
            return stage != Query.STAGE_PLACEMENTS && stage != Query.STAGE_FUNDING && stage != Query.STAGE_PARTNERSHIPS;
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
                        rows.add((fresh ? stagedRow : storedRow).apply(items.get(next)));
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
        /** The element id of each node staged so far, by id. */
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

        /** Runs one batch; staged rows count as created, merged rows as the statement says. */
        void batch(Transaction tx, String file, Query query, List<Map<String, Object>> rows, boolean staged) {
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
            if (staged) {
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
         * A reference to node {@code id} as the staging statements take it: {id, node}, node being the element id of
         * the node this import staged or of the stored one (null, so the row falls short, when there is neither).
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
                "props", map("id", s.id(), "name", s.name(), "capacityPerMonth", s.capacityPerMonth(),
                        "waitWeeks", s.waitWeeks(), "start", s.period().start(), "end", s.period().end()));
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

    private static Map<String, Object> caseRow(Case c) {
        return map("id", c.id(), "needs", sorted(c.needIds()),
                "props", map("id", c.id(), "borough", c.boroughId(), "ageBand", c.ageBand(), "gender", code(c.gender())));
    }

    // ---- rows to stage: every reference is {id, node}, node being the element id ----------------------------

    private static Map<String, Object> stagedSetting(Setting s, Function<String, Object> ref) {
        return map("borough", ref.apply(s.boroughId()), "runBy", ref.apply(s.runById()),
                "props", map("id", s.id(), "name", s.name(), "kind", code(s.kind())));
    }

    private static Map<String, Object> stagedService(Service s, Function<String, Object> ref) {
        return map("agency", ref.apply(s.agencyId()), "boroughs", refs(s.boroughIds(), ref),
                "accepts", refs(s.accepts(), ref), "excludes", refs(s.excludes(), ref),
                "props", map("id", s.id(), "name", s.name(), "capacityPerMonth", s.capacityPerMonth(),
                        "waitWeeks", s.waitWeeks(), "start", s.period().start(), "end", s.period().end()));
    }

    private static List<Object> refs(List<String> ids, Function<String, Object> ref) {
        return ids.stream().map(ref).toList();
    }

    private static Map<String, Object> stagedPractitioner(Practitioner p, Function<String, Object> ref) {
        return map("employer", ref.apply(p.employerId()),
                "props", map("id", p.id(), "role", p.role(), "discipline", p.discipline(), "fte", p.fte(),
                        "start", p.period().start(), "end", p.period().end()));
    }

    private static Map<String, Object> stagedPlacement(Placement p, Function<String, Object> ref) {
        return map("practitioner", ref.apply(p.practitionerId()), "setting", ref.apply(p.settingId()),
                "props", map("start", p.period().start(), "end", p.period().end()));
    }

    private static Map<String, Object> stagedFunding(Funding f, Function<String, Object> ref) {
        return map("funder", ref.apply(f.funderId()), "practitioner", ref.apply(f.practitionerId()),
                "props", map("amountGbp", f.amountGbp(), "start", f.period().start(), "end", f.period().end()));
    }

    private static Map<String, Object> stagedPartnership(Partnership p, Function<String, Object> ref) {
        return map("from", ref.apply(p.fromId()), "to", ref.apply(p.toId()),
                "props", map("kind", p.kind(), "start", p.period().start(), "end", p.period().end()));
    }

    private static Map<String, Object> stagedCase(Case c, Function<String, Object> ref) {
        return map("needs", refs(c.needIds(), ref),
                "props", map("id", c.id(), "borough", c.boroughId(), "ageBand", c.ageBand(), "gender", code(c.gender())));
    }

    private static Map<String, Object> stagedReferral(Referral r, Function<String, Object> ref) {
        return map("case", ref.apply(r.caseId()), "from", ref.apply(r.fromId()), "to", ref.apply(r.toId()),
                "props", map("id", r.id(), "date", r.date(), "outcome", code(r.outcome()), "reason", r.reason()));
    }

    private static Map<String, Object> referral(Referral r) {
        return map("id", r.id(), "case", r.caseId(), "from", r.fromId(), "to", r.toId(),
                "props", map("id", r.id(), "date", r.date(), "outcome", code(r.outcome()), "reason", r.reason()));
    }
}
