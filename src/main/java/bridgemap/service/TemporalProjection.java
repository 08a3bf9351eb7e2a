package bridgemap.service;

import bridgemap.model.Activity;
import bridgemap.model.Borough;
import bridgemap.model.Bundle;
import bridgemap.model.Case;
import bridgemap.model.Catchment;
import bridgemap.model.Funder;
import bridgemap.model.Funding;
import bridgemap.model.Need;
import bridgemap.model.NetworkHistory;
import bridgemap.model.NetworkNode;
import bridgemap.model.NetworkSnapshot;
import bridgemap.model.Partnership;
import bridgemap.model.Period;
import bridgemap.model.Placement;
import bridgemap.model.Population;
import bridgemap.model.Practitioner;
import bridgemap.model.Referral;
import bridgemap.model.ReferralHistory;
import bridgemap.model.Service;
import bridgemap.model.Setting;
import bridgemap.store.SnapshotRepository;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The whole store held in memory once, from which the snapshot of any day is sliced without a store round trip
 * (issue 17 item 1): every row once, referrals sorted by date with their cases' positions, so a day's referral window
 * (D − 365 days, D] is two binary searches and its cases one pass over a bit set; dated rows (posts, placements,
 * funding, services, partnerships, activity) are filtered by their period, a linear pass over a few thousand rows.
 *
 * <p>{@link #slice(LocalDate)} equals {@link SnapshotRepository#load(LocalDate)} row for row and in the same order:
 * each filter below is the {@code WHERE} of its {@code cypher/snapshot} query with Cypher's null rules (a missing
 * start of a post, placement or funding row never matches, as {@code null <= $asOf} is not true), and each list keeps
 * the store's {@code ORDER BY} (rows are read in the same order by {@link SnapshotRepository#contents()}; referrals
 * are re-sorted stably by date from id order, giving {@code ORDER BY date, id}). {@code TemporalProjectionTest}
 * checks the equality against the store on the demo and a synthetic bundle.
 *
 * <p>Memory: repeated strings (node, case, borough and need ids, reasons) and dates are held once, and equal need
 * lists are shared. Building is O(R log R) for R referrals; a slice is O(log R + W + C/64 + P) for W referrals and C
 * cases in the window and P dated rows. The store stays the system of record: a projection is built from it and
 * thrown away after each import.
 */
public final class TemporalProjection {

    private final List<Borough> boroughs;
    private final List<Need> needs;
    private final Map<String, NetworkNode> nodes;
    private final List<Setting> settings;
    private final List<Service> services;
    private final List<Practitioner> practitioners;
    private final Map<String, Period> posts;
    private final List<Placement> placements;
    private final List<Funder> funders;
    private final List<Funding> funding;
    private final List<Partnership> partnerships;
    private final List<Catchment> catchments;
    private final List<Activity> activity;
    private final List<Population> populations;
    private final List<bridgemap.model.Succession> successionRows;
    private final bridgemap.model.Successions successions;
    /** Every case, in id order. */
    private final Case[] cases;
    /** Every referral, by date then id. */
    private final Referral[] referrals;
    /** Each referral's date as an epoch day, for the binary searches. */
    private final int[] days;
    /** Each referral's case, as its index in {@link #cases}. */
    private final int[] caseOf;
    private final LocalDate earliest;
    private final LocalDate latestReferral;

    private TemporalProjection(SnapshotRepository.Contents contents) {
        Bundle bundle = contents.bundle();
        Interner interner = new Interner();
        Map<String, NetworkNode> stored = new LinkedHashMap<>();
        contents.nodes().forEach((id, n) -> stored.put(interner.intern(id), new NetworkNode(interner.intern(n.id()), n.type(),
                n.name(), n.sector(), interner.intern(n.kind()), interner.intern(n.boroughId()))));
        this.nodes = java.util.Collections.unmodifiableMap(stored);
        this.boroughs = bundle.boroughs();
        this.needs = bundle.needs();
        this.settings = bundle.settings();
        this.services = bundle.services();
        this.practitioners = bundle.practitioners();
        this.placements = bundle.placements().stream().map(p -> new Placement(interner.intern(p.practitionerId()),
                interner.intern(p.settingId()), p.period())).toList();
        this.funders = bundle.funders();
        this.funding = bundle.funding();
        this.partnerships = bundle.partnerships();
        this.catchments = bundle.catchments();
        this.activity = bundle.activity();
        this.populations = bundle.populations();
        this.successionRows = bundle.successions();
        this.successions = new bridgemap.model.Successions(successionRows);
        Map<String, Period> posts = new HashMap<>();
        practitioners.forEach(p -> posts.put(p.id(), p.period()));
        this.posts = posts;

        List<Case> storedCases = bundle.cases();
        this.cases = new Case[storedCases.size()];
        Map<String, Integer> caseIndex = new HashMap<>(storedCases.size() * 2);
        for (int i = 0; i < cases.length; i++) {
            Case c = storedCases.get(i);
            cases[i] = new Case(c.id(), interner.intern(c.boroughId()), interner.intern(c.ageBand()), c.gender(),
                    interner.intern(List.copyOf(c.needIds().stream().map(interner::intern).toList())), c.cellKey());
            caseIndex.put(c.id(), i);
        }
        Referral[] sorted = bundle.referrals().toArray(Referral[]::new);
        Arrays.sort(sorted, Comparator.comparing(Referral::date)); // stable: ties stay in id order
        this.referrals = new Referral[sorted.length];
        this.days = new int[sorted.length];
        this.caseOf = new int[sorted.length];
        for (int i = 0; i < sorted.length; i++) {
            Referral r = sorted[i];
            Integer c = caseIndex.get(r.caseId());
            if (c == null) {
                throw new IllegalStateException("referral " + r.id() + " belongs to case " + r.caseId() + ", which was not read");
            }
            referrals[i] = new Referral(r.id(), cases[c].id(), interner.intern(r.date()), interner.intern(r.fromId()),
                    interner.intern(r.toId()), r.outcome(), interner.intern(r.reason()), r.cellKey());
            days[i] = Math.toIntExact(r.date().toEpochDay());
            caseOf[i] = c;
        }
        this.earliest = contents.earliest();
        this.latestReferral = contents.latestReferral();
    }

    /** The projection of {@code contents} (read by {@link SnapshotRepository#contents()}). */
    public static TemporalProjection of(SnapshotRepository.Contents contents) {
        return new TemporalProjection(Objects.requireNonNull(contents, "contents"));
    }

    /** The latest referral date, if there is any referral. */
    public Optional<LocalDate> latestReferralDate() {
        return Optional.ofNullable(latestReferral);
    }

    /** The earliest dated fact (post, placement, funding row or referral), if any. */
    public Optional<LocalDate> earliestDate() {
        return Optional.ofNullable(earliest);
    }

    /** How many referrals it holds. */
    public int referralCount() {
        return referrals.length;
    }

    /** The snapshot as of {@code asOf}: equal to {@link SnapshotRepository#load(LocalDate)} on the same store. */
    public NetworkSnapshot slice(LocalDate asOf) {
        Objects.requireNonNull(asOf, "asOf");
        int from = firstAfter(asOf.minusDays(NetworkSnapshot.WINDOW_DAYS));
        int to = firstAfter(asOf);
        List<Placement> placed = filter(placements, p -> started(p.period(), asOf) && started(posts.get(p.practitionerId()), asOf));
        Map<String, NetworkNode> named = new LinkedHashMap<>(nodes);
        SnapshotRepository.nameByPlacement(named, placed);
        LocalDate windowStart = asOf.minusDays(NetworkSnapshot.WINDOW_DAYS);
        return successions.applyTo(new NetworkSnapshot(asOf, boroughs, needs, named, settings,
                filter(services, s -> s.period().contains(asOf)),
                filter(practitioners, p -> started(p.period(), asOf)),
                placed, funders,
                filter(funding, f -> started(f.period(), asOf)),
                filter(partnerships, p -> p.period().contains(asOf)),
                casesOf(from, to), Arrays.asList(referrals).subList(from, to), catchments,
                filter(activity, a -> a.period().start() != null && a.period().end() != null
                        && !a.period().start().isAfter(asOf) && a.period().end().isAfter(windowStart)),
                populations, successionRows));
    }

    /**
     * The referrals dated after {@code after} up to and including {@code through}, with their cases: equal to
     * {@link SnapshotRepository#history(LocalDate, LocalDate)} on the same store.
     */
    public ReferralHistory history(LocalDate after, LocalDate through) {
        int from = firstAfter(after);
        int to = Math.max(from, firstAfter(through));
        return new ReferralHistory(after, through, latestReferral == null ? through : latestReferral, boroughs, needs,
                nodes, services, casesOf(from, to), Arrays.asList(referrals).subList(from, to));
    }

    /** Every post, placement and funding row, for the timeline: equal to {@link SnapshotRepository#history()}. */
    public Optional<NetworkHistory> history() {
        return earliest == null ? Optional.empty()
                : Optional.of(new NetworkHistory(earliest, boroughs, needs, nodes, settings, practitioners, placements,
                        funders, funding, successionRows));
    }

    /** The cases of referrals {@code from} (inclusive) to {@code to} (exclusive), in id order, each once. */
    private List<Case> casesOf(int from, int to) {
        BitSet seen = new BitSet(cases.length);
        for (int i = from; i < to; i++) {
            seen.set(caseOf[i]);
        }
        List<Case> found = new ArrayList<>(seen.cardinality());
        for (int c = seen.nextSetBit(0); c >= 0; c = seen.nextSetBit(c + 1)) {
            found.add(cases[c]);
        }
        return found;
    }

    /** The index of the first referral dated after {@code day} (the number of referrals when none is). */
    private int firstAfter(LocalDate day) {
        long key = day.toEpochDay();
        int low = 0;
        int high = days.length;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (days[mid] <= key) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    /**
     * {@code start <= $asOf AND (end IS NULL OR end >= $asOf)} as Cypher reads it: a fact without a start (or without a
     * period at all) does not hold.
     */
    private static boolean started(Period period, LocalDate asOf) {
        return period != null && period.start() != null && period.contains(asOf);
    }

    private static <T> List<T> filter(List<T> rows, Predicate<T> keep) {
        List<T> kept = new ArrayList<>();
        for (T row : rows) {
            if (keep.test(row)) {
                kept.add(row);
            }
        }
        return kept;
    }

    /** One instance of each equal value (strings, dates, need lists); null stays null. */
    private static final class Interner {
        private final Map<Object, Object> seen = new HashMap<>();

        @SuppressWarnings("unchecked") // a value maps to an equal value of its own class
        <T> T intern(T value) {
            return value == null ? null : (T) seen.computeIfAbsent(value, v -> v);
        }
    }
}
