package bridgemap.store;

import bridgemap.model.Activity;
import bridgemap.model.ActivityMeasure;
import bridgemap.model.Agency;
import bridgemap.model.AgencyKind;
import bridgemap.model.Borough;
import bridgemap.model.Bundle;
import bridgemap.model.Case;
import bridgemap.model.Catchment;
import bridgemap.model.Funder;
import bridgemap.model.FunderKind;
import bridgemap.model.Funding;
import bridgemap.model.Gender;
import bridgemap.model.Need;
import bridgemap.model.NetworkHistory;
import bridgemap.model.NetworkNode;
import bridgemap.model.NetworkSnapshot;
import bridgemap.model.NodeType;
import bridgemap.model.Outcome;
import bridgemap.model.Partnership;
import bridgemap.model.Period;
import bridgemap.model.Placement;
import bridgemap.model.Population;
import bridgemap.model.Practitioner;
import bridgemap.model.RecordKeys;
import bridgemap.model.Referral;
import bridgemap.model.ReferralHistory;
import bridgemap.model.Sector;
import bridgemap.model.Service;
import bridgemap.model.Setting;
import bridgemap.model.SettingKind;
import bridgemap.model.Succession;
import bridgemap.model.Successions;
import bridgemap.model.Vocabulary;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.neo4j.driver.Record;
import org.neo4j.driver.TransactionContext;
import org.neo4j.driver.Value;

/** Reads a {@link NetworkSnapshot} as of a day: every query in one read transaction, so the snapshot is consistent. */
public final class SnapshotRepository {

    private final Store store;
    private final RecordKeys keys;

    /** Reads snapshots whose cases and referrals carry no record keys (all 0). */
    public SnapshotRepository(Store store) {
        this(store, RecordKeys.NONE);
    }

    /** Reads snapshots whose cases and referrals carry their record keys from {@code keys}, for disclosure control. */
    public SnapshotRepository(Store store, RecordKeys keys) {
        this.store = store;
        this.keys = java.util.Objects.requireNonNull(keys, "keys");
    }

    /** The latest referral date in the store, if there is any referral. */
    public Optional<LocalDate> latestReferralDate() {
        Value latest = store.read(Query.SNAPSHOT_LATEST_REFERRAL_DATE, Map.of()).get(0).get("latest");
        return latest.isNull() ? Optional.empty() : Optional.of(latest.asLocalDate());
    }

    /** The earliest dated fact (post, placement, funding row or referral), if any. */
    public Optional<LocalDate> earliestDate() {
        Value earliest = store.read(Query.HISTORY_EARLIEST_DATE, Map.of()).get(0).get("earliest");
        return earliest.isNull() ? Optional.empty() : Optional.of(earliest.asLocalDate());
    }

    /** Every post, placement and funding row, for the timeline; empty when the store holds no dated fact. */
    public Optional<NetworkHistory> history() {
        return store.readTransaction(tx -> {
            Value earliest = tx.run(store.cypher(Query.HISTORY_EARLIEST_DATE)).single().get("earliest");
            if (earliest.isNull()) {
                return Optional.<NetworkHistory>empty();
            }
            Map<String, NetworkNode> nodes = new LinkedHashMap<>();
            for (NetworkNode node : list(tx, Query.SNAPSHOT_NODES, Map.of(), SnapshotRepository::node)) {
                nodes.put(node.id(), node);
            }
            return Optional.of(new NetworkHistory(earliest.asLocalDate(),
                    list(tx, Query.SNAPSHOT_BOROUGHS, Map.of(),
                            r -> new Borough(r.get("id").asString(), r.get("name").asString(), text(r, "region"))),
                    list(tx, Query.SNAPSHOT_NEEDS, Map.of(), r -> new Need(r.get("id").asString(), r.get("name").asString())),
                    nodes,
                    list(tx, Query.SNAPSHOT_SETTINGS, Map.of(), SnapshotRepository::setting),
                    list(tx, Query.HISTORY_PRACTITIONERS, Map.of(), SnapshotRepository::practitioner),
                    list(tx, Query.HISTORY_PLACEMENTS, Map.of(), SnapshotRepository::placement),
                    list(tx, Query.SNAPSHOT_FUNDERS, Map.of(), SnapshotRepository::funder),
                    list(tx, Query.HISTORY_FUNDING, Map.of(), SnapshotRepository::funding),
                    list(tx, Query.SNAPSHOT_SUCCESSIONS, Map.of(), SnapshotRepository::succession)));
        });
    }

    /** The whole store as a bundle, every row in id order: what a backup writes and a restore imports. */
    public Bundle everything() {
        return store.readTransaction(tx -> bundle(tx, SnapshotRepository::storedCase, SnapshotRepository::storedReferral));
    }

    /**
     * Everything the store holds, read in one transaction, for an in-memory projection of it (the service layer's
     * {@code TemporalProjection}): the bundle in id order with cases and referrals carrying their record keys, every
     * node as {@code cypher/snapshot/nodes.cypher} gives it (in its order, practitioners named by their ids), the
     * earliest dated fact and the latest referral date (null when there is none).
     */
    public record Contents(Bundle bundle, Map<String, NetworkNode> nodes, LocalDate earliest, LocalDate latestReferral) {}

    /** The whole store as {@link Contents}, consistent (one read transaction). */
    public Contents contents() {
        return store.readTransaction(tx -> {
            Map<String, NetworkNode> nodes = new LinkedHashMap<>();
            for (NetworkNode node : list(tx, Query.SNAPSHOT_NODES, Map.of(), SnapshotRepository::node)) {
                nodes.put(node.id(), node);
            }
            Value earliest = tx.run(store.cypher(Query.HISTORY_EARLIEST_DATE)).single().get("earliest");
            Value latest = tx.run(store.cypher(Query.SNAPSHOT_LATEST_REFERRAL_DATE)).single().get("latest");
            return new Contents(bundle(tx, this::keyedCase, this::keyedReferral), nodes,
                    earliest.isNull() ? null : earliest.asLocalDate(), latest.isNull() ? null : latest.asLocalDate());
        });
    }

    private Bundle bundle(TransactionContext tx, Function<Record, Case> caseRow, Function<Record, Referral> referralRow) {
        return new Bundle(
                list(tx, Query.SNAPSHOT_BOROUGHS, Map.of(),
                        r -> new Borough(r.get("id").asString(), r.get("name").asString(), text(r, "region"))),
                list(tx, Query.BACKUP_AGENCIES, Map.of(), r -> new Agency(r.get("id").asString(), r.get("name").asString(),
                        vocabulary(Sector.class, r.get("sector").asString()), vocabulary(AgencyKind.class, r.get("kind").asString()),
                        text(r, "odsCode"))),
                list(tx, Query.SNAPSHOT_SETTINGS, Map.of(), SnapshotRepository::setting),
                list(tx, Query.SNAPSHOT_NEEDS, Map.of(), r -> new Need(r.get("id").asString(), r.get("name").asString())),
                list(tx, Query.BACKUP_SERVICES, Map.of(), SnapshotRepository::service),
                list(tx, Query.HISTORY_PRACTITIONERS, Map.of(), SnapshotRepository::practitioner),
                list(tx, Query.HISTORY_PLACEMENTS, Map.of(), SnapshotRepository::placement),
                list(tx, Query.SNAPSHOT_FUNDERS, Map.of(), SnapshotRepository::funder),
                list(tx, Query.HISTORY_FUNDING, Map.of(), SnapshotRepository::funding),
                list(tx, Query.BACKUP_PARTNERSHIPS, Map.of(), r -> new Partnership(r.get("from").asString(),
                        r.get("to").asString(), r.get("kind").asString(), period(r))),
                list(tx, Query.BACKUP_CASES, Map.of(), caseRow),
                list(tx, Query.BACKUP_REFERRALS, Map.of(), referralRow),
                list(tx, Query.SNAPSHOT_CATCHMENTS, Map.of(), SnapshotRepository::catchment),
                list(tx, Query.BACKUP_ACTIVITY, Map.of(), SnapshotRepository::activity),
                list(tx, Query.SNAPSHOT_POPULATIONS, Map.of(), SnapshotRepository::population),
                list(tx, Query.SNAPSHOT_SUCCESSIONS, Map.of(), SnapshotRepository::succession));
    }

    private static Case storedCase(Record r) {
        return new Case(r.get("id").asString(), r.get("borough").asString(), text(r, "ageBand"),
                r.get("gender").isNull() ? null : vocabulary(Gender.class, r.get("gender").asString()),
                r.get("needs").asList(Value::asString));
    }

    private static Referral storedReferral(Record r) {
        return new Referral(r.get("id").asString(), r.get("case").asString(), r.get("date").asLocalDate(),
                r.get("from").asString(), r.get("to").asString(), vocabulary(Outcome.class, r.get("outcome").asString()),
                text(r, "reason"));
    }

    /** Everything the analyses need as of {@code asOf}, the successions in effect that day applied. */
    public NetworkSnapshot load(LocalDate asOf) {
        Map<String, Object> day = Map.of("asOf", asOf);
        Map<String, Object> window = Map.of("asOf", asOf, "windowStart", asOf.minusDays(NetworkSnapshot.WINDOW_DAYS));
        return store.readTransaction(tx -> {
            Map<String, NetworkNode> nodes = new LinkedHashMap<>();
            for (NetworkNode node : list(tx, Query.SNAPSHOT_NODES, Map.of(), SnapshotRepository::node)) {
                nodes.put(node.id(), node);
            }
            List<Placement> placements = list(tx, Query.SNAPSHOT_PLACEMENTS, day, SnapshotRepository::placement);
            nameByPlacement(nodes, placements);
            List<Succession> successions = list(tx, Query.SNAPSHOT_SUCCESSIONS, Map.of(), SnapshotRepository::succession);
            return new Successions(successions).applyTo(new NetworkSnapshot(asOf,
                    list(tx, Query.SNAPSHOT_BOROUGHS, Map.of(),
                            r -> new Borough(r.get("id").asString(), r.get("name").asString(), text(r, "region"))),
                    list(tx, Query.SNAPSHOT_NEEDS, Map.of(), r -> new Need(r.get("id").asString(), r.get("name").asString())),
                    nodes,
                    list(tx, Query.SNAPSHOT_SETTINGS, Map.of(), SnapshotRepository::setting),
                    list(tx, Query.SNAPSHOT_SERVICES, day, SnapshotRepository::service),
                    list(tx, Query.SNAPSHOT_PRACTITIONERS, day, SnapshotRepository::practitioner),
                    placements,
                    list(tx, Query.SNAPSHOT_FUNDERS, Map.of(), SnapshotRepository::funder),
                    list(tx, Query.SNAPSHOT_FUNDING, day, SnapshotRepository::funding),
                    list(tx, Query.SNAPSHOT_PARTNERSHIPS, day, r -> new Partnership(r.get("from").asString(),
                            r.get("to").asString(), r.get("kind").asString(), period(r))),
                    list(tx, Query.SNAPSHOT_CASES, window, this::keyedCase),
                    list(tx, Query.SNAPSHOT_REFERRALS, window, this::keyedReferral),
                    list(tx, Query.SNAPSHOT_CATCHMENTS, Map.of(), SnapshotRepository::catchment),
                    list(tx, Query.SNAPSHOT_ACTIVITY, window, SnapshotRepository::activity),
                    list(tx, Query.SNAPSHOT_POPULATIONS, Map.of(), SnapshotRepository::population), successions));
        });
    }

    /**
     * The referrals dated after {@code after} up to and including {@code through}, with their cases (record keys
     * given), every node, every service and the last day of the data: what the pathway analyses follow chains in.
     */
    public ReferralHistory history(LocalDate after, LocalDate through) {
        Map<String, Object> window = Map.of("windowStart", after, "asOf", through);
        return store.readTransaction(tx -> {
            Map<String, NetworkNode> nodes = new LinkedHashMap<>();
            for (NetworkNode node : list(tx, Query.SNAPSHOT_NODES, Map.of(), SnapshotRepository::node)) {
                nodes.put(node.id(), node);
            }
            Value latest = tx.run(store.cypher(Query.SNAPSHOT_LATEST_REFERRAL_DATE)).single().get("latest");
            return new ReferralHistory(after, through, latest.isNull() ? through : latest.asLocalDate(),
                    list(tx, Query.SNAPSHOT_BOROUGHS, Map.of(),
                            r -> new Borough(r.get("id").asString(), r.get("name").asString(), text(r, "region"))),
                    list(tx, Query.SNAPSHOT_NEEDS, Map.of(), r -> new Need(r.get("id").asString(), r.get("name").asString())),
                    nodes,
                    list(tx, Query.BACKUP_SERVICES, Map.of(), SnapshotRepository::service),
                    list(tx, Query.SNAPSHOT_CASES, window, this::keyedCase),
                    list(tx, Query.SNAPSHOT_REFERRALS, window, this::keyedReferral));
        });
    }

    /**
     * Practitioners are known by pseudonyms; to be readable they are named by where they work on the day,
     * e.g. "fmhp-isl-04 at Islington probation office": each placed practitioner's node in {@code nodes} is replaced
     * by one named after the settings of its {@code placements}, in their order. Public so that the in-memory
     * projection names them by the same rule.
     */
    public static void nameByPlacement(Map<String, NetworkNode> nodes, List<Placement> placements) {
        Map<String, List<String>> places = new LinkedHashMap<>();
        for (Placement p : placements) {
            NetworkNode setting = nodes.get(p.settingId());
            if (setting != null) {
                places.computeIfAbsent(p.practitionerId(), id -> new java.util.ArrayList<>()).add(setting.name());
            }
        }
        places.forEach((id, settings) -> {
            NetworkNode n = nodes.get(id);
            if (n != null) {
                nodes.put(id, new NetworkNode(n.id(), n.type(), n.id() + " at " + String.join(" & ", settings),
                        n.sector(), n.kind(), n.boroughId()));
            }
        });
    }

    private Case keyedCase(Record r) {
        String id = r.get("id").asString();
        return new Case(id, r.get("borough").asString(), text(r, "ageBand"),
                r.get("gender").isNull() ? null : vocabulary(Gender.class, r.get("gender").asString()),
                r.get("needs").asList(Value::asString), keys.caseKey(id));
    }

    private Referral keyedReferral(Record r) {
        String id = r.get("id").asString();
        return new Referral(id, r.get("case").asString(), r.get("date").asLocalDate(), r.get("from").asString(),
                r.get("to").asString(), vocabulary(Outcome.class, r.get("outcome").asString()), text(r, "reason"),
                keys.referralKey(id));
    }

    private <T> List<T> list(TransactionContext tx, Query query, Map<String, Object> parameters, Function<Record, T> map) {
        return tx.run(store.cypher(query), parameters).list(map::apply);
    }

    private static NetworkNode node(Record r) {
        NodeType type = vocabulary(NodeType.class, r.get("type").asString());
        String kind = r.get("kind").asString();
        return new NetworkNode(r.get("id").asString(), type, r.get("name").asString(),
                vocabulary(Sector.class, r.get("sector").asString()), kind, text(r, "borough"));
    }

    private static Catchment catchment(Record r) {
        return new Catchment(r.get("setting").asString(), r.get("boroughs").asList(Value::asString), text(r, "area"));
    }

    static Activity activity(Record r) {
        return new Activity(r.get("setting").asString(), period(r),
                vocabulary(ActivityMeasure.class, r.get("measure").asString()), r.get("count").asLong(),
                r.get("mentalHealthShare").isNull() ? null : r.get("mentalHealthShare").asDouble(), text(r, "source"));
    }

    static Succession succession(Record r) {
        java.util.EnumSet<Succession.Takes> takes = java.util.EnumSet.noneOf(Succession.Takes.class);
        r.get("takes").asList(Value::asString).forEach(code -> takes.add(vocabulary(Succession.Takes.class, code)));
        return new Succession(r.get("predecessor").asString(), r.get("successor").asString(),
                r.get("date").asLocalDate(), takes, text(r, "note"));
    }

    private static Population population(Record r) {
        return new Population(r.get("borough").asString(), r.get("year").asInt(), r.get("people").asLong(),
                text(r, "source"));
    }

    static Setting setting(Record r) {
        return new Setting(r.get("id").asString(), r.get("name").asString(),
                vocabulary(SettingKind.class, r.get("kind").asString()), r.get("borough").asString(), r.get("runBy").asString());
    }

    private static Practitioner practitioner(Record r) {
        return new Practitioner(r.get("id").asString(), r.get("role").asString(), text(r, "discipline"),
                r.get("employer").asString(), r.get("fte").asDouble(), period(r));
    }

    private static Placement placement(Record r) {
        return new Placement(r.get("practitioner").asString(), r.get("setting").asString(), period(r));
    }

    private static Funder funder(Record r) {
        return new Funder(r.get("id").asString(), r.get("name").asString(), vocabulary(FunderKind.class, r.get("kind").asString()));
    }

    private static Funding funding(Record r) {
        return new Funding(r.get("funder").asString(), r.get("practitioner").asString(),
                r.get("amountGbp").isNull() ? null : r.get("amountGbp").asDouble(), period(r));
    }

    private static Service service(Record r) {
        return new Service(r.get("id").asString(), r.get("name").asString(), r.get("agency").asString(),
                r.get("boroughs").asList(Value::asString), r.get("accepts").asList(Value::asString),
                r.get("excludes").asList(Value::asString),
                r.get("capacityPerMonth").isNull() ? null : r.get("capacityPerMonth").asInt(),
                r.get("waitWeeks").isNull() ? null : r.get("waitWeeks").asDouble(), period(r), text(r, "kind"));
    }

    private static Period period(Record r) {
        return new Period(date(r, "start"), date(r, "end"));
    }

    private static LocalDate date(Record r, String key) {
        Value v = r.get(key);
        return v.isNull() ? null : v.asLocalDate();
    }

    private static String text(Record r, String key) {
        Value v = r.get(key);
        return v.isNull() ? null : v.asString();
    }

    private static <E extends Enum<E> & Vocabulary> E vocabulary(Class<E> type, String code) {
        return Vocabulary.parse(type, code).orElseThrow(() ->
                new IllegalStateException("stored " + type.getSimpleName() + " \"" + code + "\" is not in the vocabulary"));
    }
}
