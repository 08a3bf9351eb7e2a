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
import org.neo4j.driver.Record;
import org.neo4j.driver.Result;
import org.neo4j.driver.Session;
import org.neo4j.driver.Transaction;
import org.neo4j.driver.summary.SummaryCounters;

/**
 * Writes a validated {@link Bundle} in one transaction: batched, parameterised {@code UNWIND … MERGE}
 * statements from {@code cypher/import/}. Either everything is committed or nothing is: a statement that
 * fails, or writes fewer rows than it was given, rolls the whole transaction back.
 */
public final class BundleWriter {

    /** Rows per UNWIND batch. */
    static final int BATCH = 5_000;

    private final Store store;

    public BundleWriter(Store store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    /** Upserts every entity of {@code bundle}; on any failure the transaction is rolled back. */
    public WriteSummary write(Bundle bundle, ProgressListener progress) {
        Objects.requireNonNull(bundle, "bundle");
        Run run = new Run(bundle.size(), progress == null ? ProgressListener.NONE : progress);
        try (Session session = store.session(); Transaction tx = session.beginTransaction()) {
            run.tx = tx;
            run.write("boroughs.csv", Query.MERGE_BOROUGHS, bundle.boroughs(), BundleWriter::borough);
            run.write("agencies.csv", Query.MERGE_AGENCIES, bundle.agencies(), BundleWriter::agency);
            run.write("needs.csv", Query.MERGE_NEEDS, bundle.needs(), BundleWriter::need);
            run.write("funders.csv", Query.MERGE_FUNDERS, bundle.funders(), BundleWriter::funder);
            run.write("settings.csv", Query.MERGE_SETTINGS, bundle.settings(), BundleWriter::setting);
            run.write("services.csv", Query.MERGE_SERVICES, bundle.services(), BundleWriter::service);
            run.write("practitioners.csv", Query.MERGE_PRACTITIONERS, bundle.practitioners(), BundleWriter::practitioner);
            run.write("placements.csv", Query.MERGE_PLACEMENTS, bundle.placements(), BundleWriter::placement);
            run.write("funding.csv", Query.MERGE_FUNDING, bundle.funding(), BundleWriter::funding);
            run.write("partnerships.csv", Query.MERGE_PARTNERSHIPS, bundle.partnerships(), BundleWriter::partnership);
            run.write("cases.csv", Query.MERGE_CASES, bundle.cases(), BundleWriter::caseRow);
            run.write("referrals.csv", Query.MERGE_REFERRALS, bundle.referrals(), BundleWriter::referral);
            if (!bundle.settings().isEmpty() || !bundle.services().isEmpty()) {
                run.count(tx.run(store.cypher(Query.DERIVE_OPERATES_IN)).consume().counters());
            }
            tx.commit();
        }
        return new WriteSummary(run.entities, run.relationshipsCreated, run.relationshipsDeleted);
    }

    /** The state of one write: the open transaction, progress and counters. */
    private final class Run {
        private final long total;
        private final ProgressListener progress;
        private final List<WriteSummary.EntityCounts> entities = new ArrayList<>();
        private Transaction tx;
        private long done;
        private long relationshipsCreated;
        private long relationshipsDeleted;

        Run(long total, ProgressListener progress) {
            this.total = total;
            this.progress = progress;
        }

        <T> void write(String file, Query query, List<T> items, Function<T, Map<String, Object>> toRow) {
            if (items.isEmpty()) {
                return;
            }
            String cypher = store.cypher(query);
            long created = 0;
            long updated = 0;
            for (int from = 0; from < items.size(); from += BATCH) {
                List<T> slice = items.subList(from, Math.min(items.size(), from + BATCH));
                List<Map<String, Object>> rows = new ArrayList<>(slice.size());
                for (T item : slice) {
                    rows.add(toRow.apply(item));
                }
                Result result = tx.run(cypher, Map.of("rows", rows));
                Record record = result.single();
                long written = record.get("written").asLong();
                if (written != slice.size()) {
                    // Validation saw every reference; a shortfall means the store changed underneath us.
                    throw new IllegalStateException("Only " + written + " of " + slice.size() + " rows of " + file
                            + " could be written (a referenced node is missing); the import was rolled back");
                }
                created += record.get("created").asLong();
                updated += record.get("updated").asLong();
                count(result.consume().counters());
                done += slice.size();
                progress.progress("writing " + file, done, total);
            }
            entities.add(new WriteSummary.EntityCounts(file, items.size(), created, updated));
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

    private static Map<String, Object> referral(Referral r) {
        return map("id", r.id(), "case", r.caseId(), "from", r.fromId(), "to", r.toId(),
                "props", map("id", r.id(), "date", r.date(), "outcome", code(r.outcome()), "reason", r.reason()));
    }
}
