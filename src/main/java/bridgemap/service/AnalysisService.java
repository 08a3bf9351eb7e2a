package bridgemap.service;

import static bridgemap.catalogue.Analyses.BOTTLENECKS;
import static bridgemap.catalogue.Analyses.COVERAGE;
import static bridgemap.catalogue.Analyses.GAPS;
import static bridgemap.catalogue.Analyses.OUTCOMES;

import bridgemap.analysis.bottlenecks.BottlenecksResult;
import bridgemap.analysis.coverage.CoverageResult;
import bridgemap.analysis.gaps.GapsResult;
import bridgemap.analysis.outcomes.OutcomesResult;
import bridgemap.analysis.outcomes.Proportion;
import bridgemap.catalogue.Analysis;
import bridgemap.graph.ReferralEdge;
import bridgemap.graph.ReferralGraph;
import bridgemap.model.CasePathway;
import bridgemap.model.NetworkHistory;
import bridgemap.model.NetworkNode;
import bridgemap.model.NetworkSnapshot;
import bridgemap.model.Succession;
import bridgemap.model.Successions;
import bridgemap.model.Outcome;
import bridgemap.model.Placement;
import bridgemap.model.Ratio;
import bridgemap.model.ReferralHistory;
import bridgemap.model.Sector;
import bridgemap.model.Tally;
import bridgemap.store.CaseRepository;
import bridgemap.store.SnapshotRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The analyses as the command line and the HTTP API ask for them: resolve the as-of day and check the borough (the
 * one check of a request's borough that answers in plain words), read (or reuse) the snapshot, run the pure
 * analysis of the catalogue ({@link bridgemap.catalogue.Analyses}). Snapshots and results are cached until the next
 * import.
 */
public final class AnalysisService {

    private static final Logger LOG = LoggerFactory.getLogger(AnalysisService.class);

    private static final int CACHED_SNAPSHOTS = 8;

    /** Analysis results kept per analysis, day and borough (they are immutable records). */
    private static final int CACHED_RESULTS = 64;

    private final SnapshotRepository snapshots;
    private final CaseRepository cases;
    private final Clock clock;
    /**
     * Different snapshots read, or analyses run, at once at most (each): four per processor, at least four. A request
     * for yet another day or analysis not computed yet is refused ({@link BusyException}: 503 with Retry-After)
     * rather than queued behind them without end (issue 20).
     */
    public static final int MAX_COMPUTING = Math.max(4, 4 * Runtime.getRuntime().availableProcessors());

    private final Memo<LocalDate, NetworkSnapshot> cache = new Memo<>(CACHED_SNAPSHOTS, MAX_COMPUTING);
    private final Memo<ResultKey, Object> results = new Memo<>(CACHED_RESULTS, MAX_COMPUTING);
    private final Memo<NetworkKey, NetworkView> networks = new Memo<>(CACHED_RESULTS);
    private final Memo<LocalDate, DayGraph> graphs = new Memo<>(CACHED_SNAPSHOTS);
    private final Memo<NodeKey, NodeDetail> details = new Memo<>(CACHED_NODES);
    private final Memo<Scope, Headlines> headlines = new Memo<>(CACHED_RESULTS);
    private final Memo<LocalDate, Codes> vocabularies = new Memo<>(1);
    private final Memo<LocalDate, Codes.Agencies> agencyLists = new Memo<>(CACHED_SNAPSHOTS);
    private volatile LocalDate latestReferralDate;
    private final java.util.concurrent.atomic.AtomicLong generation = new java.util.concurrent.atomic.AtomicLong();
    /** The store held in memory, of the current generation; null while none is (being) built. */
    private volatile TemporalProjection projection;
    /** Whether a projection is kept ({@link #keepProjection()}): the server's choice, not a one-off command's. */
    private volatile boolean projecting;
    /** Guards replacing the projection against an import's invalidation. */
    private final Object projectionLock = new Object();
    /** Builds projections one at a time, off the request threads. */
    private final ExecutorService builder = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "bridgemap-projection");
        thread.setDaemon(true);
        return thread;
    });

    /** A cached result's key: the catalogue's descriptor (one per analysis) and the scope. */
    private record ResultKey(Analysis<?> analysis, Scope scope) {}

    private record NetworkKey(Scope scope, Sector sector) {}

    private record NodeKey(String id, LocalDate day) {}

    /** A day's whole referral graph and each node's measures, for node details (built once per day). */
    private record DayGraph(ReferralGraph graph, Map<String, BottlenecksResult.NodeMeasures> measures) {}

    /** Node details kept (each small). */
    private static final int CACHED_NODES = 512;

    public AnalysisService(SnapshotRepository snapshots, CaseRepository cases, Clock clock) {
        this.snapshots = Objects.requireNonNull(snapshots, "snapshots");
        this.cases = Objects.requireNonNull(cases, "cases");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** An analysis request: the day and an optional borough (a GSS code). */
    public record Scope(LocalDate asOf, String borough) {}

    /** The default as-of day: the latest referral date in the store, or today when there is none. */
    public LocalDate defaultAsOf() {
        LocalDate latest = latestReferralDate;
        if (latest == null) {
            TemporalProjection ready = projection;
            latest = (ready != null ? ready.latestReferralDate() : snapshots.latestReferralDate()).orElse(null);
            if (latest == null) {
                return LocalDate.now(clock);
            }
            latestReferralDate = latest;
        }
        return latest;
    }

    /**
     * Fills in the default day and reads the borough, given by its name or GSS code ({@link BoroughNames}); an
     * unknown or ambiguous borough is an {@link InvalidInputException} naming {@code borough}. The scope holds its code.
     */
    public Scope scope(LocalDate asOf, String borough) {
        LocalDate day = asOf == null ? defaultAsOf() : asOf;
        return new Scope(day, borough == null ? null : boroughId(day, borough, "borough"));
    }

    /** The GSS code of the borough {@code given} (a name or a code) names on {@code day}; a bad one names {@code field}. */
    public String boroughId(LocalDate day, String given, String field) {
        return BoroughNames.resolve(snapshot(day == null ? defaultAsOf() : day).boroughs(), given, field);
    }

    /** The name of the borough with this GSS code, for headings (the code itself when it is not stored). */
    public String boroughName(String id) {
        return id == null ? null : BoroughNames.name(snapshot(defaultAsOf()).boroughs(), id);
    }

    /**
     * The snapshot as of {@code day}, once per day until the store changes: sliced from the in-memory projection when
     * one is ready ({@link #keepProjection()}), else read from the store (the same snapshot either way).
     */
    public NetworkSnapshot snapshot(LocalDate day) {
        return cache.get(day, () -> {
            TemporalProjection ready = projection;
            return ready != null ? ready.slice(day) : snapshots.load(day);
        });
    }

    /**
     * Every post, placement and funding row, for the timeline: from the projection when it is ready, else from the
     * store; empty when the store holds no dated fact.
     */
    public Optional<NetworkHistory> history() {
        TemporalProjection ready = projection;
        return ready != null ? ready.history() : snapshots.history();
    }

    /**
     * The referrals dated after {@code after} up to and including {@code through}, with their cases (for the pathway
     * analyses): from the projection when it is ready, else from the store.
     */
    public ReferralHistory referralHistory(LocalDate after, LocalDate through) {
        TemporalProjection ready = projection;
        return ready != null ? ready.history(after, through) : snapshots.history(after, through);
    }

    /**
     * Keeps the whole store in memory as a {@link TemporalProjection}, from which any day's snapshot is sliced in
     * milliseconds (issue 17 item 1): built now in the background and again after every import. Until one is ready,
     * answers are read from the store as before, so a server's start is not slowed. For the server; one-off commands
     * read just the day they need.
     */
    public void keepProjection() {
        projecting = true;
        build(generation.get());
    }

    /** Whether a projection of the store as it is now is ready (answers no longer wait for the store). */
    public boolean projectionReady() {
        return projection != null;
    }

    /**
     * Builds the projection of generation {@code of} in the background; it is kept only if no import committed while
     * it was read (else the build that import asked for replaces it). A build that fails leaves answers to the store.
     */
    private void build(long of) {
        builder.execute(() -> {
            if (generation.get() != of || !projecting) {
                return; // a later import asked for a newer one
            }
            try {
                TemporalProjection built = TemporalProjection.of(snapshots.contents());
                synchronized (projectionLock) {
                    if (generation.get() == of) {
                        projection = built;
                    }
                }
            } catch (RuntimeException | OutOfMemoryError e) {
                LOG.warn("The in-memory projection of the store could not be built ({}); answers are read from the "
                        + "store instead.", e.toString());
            }
        });
    }

    /** Waits until no projection is being built (for benchmarks and tests); true when one is ready. */
    public boolean awaitProjection(Duration timeout) throws InterruptedException {
        CountDownLatch done = new CountDownLatch(1);
        builder.execute(done::countDown);
        done.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
        return projectionReady();
    }

    /** Forgets cached snapshots and results; called after every committed import. */
    public void invalidate() {
        synchronized (projectionLock) {
            generation.incrementAndGet();
            projection = null;
        }
        if (projecting) {
            build(generation.get());
        }
        latestReferralDate = null;
        cache.clear();
        results.clear();
        networks.clear();
        graphs.clear();
        details.clear();
        headlines.clear();
        vocabularies.clear();
        agencyLists.clear();
    }

    /**
     * A number that changes with every {@link #invalidate()}: answers prepared from results of an older generation
     * are stale (the HTTP API's prepared bytes).
     */
    public long generation() {
        return generation.get();
    }

    /**
     * The result of {@code analysis} over {@code scope} (from {@link #scope}, so its borough is checked), computed once
     * per scope until the next import.
     */
    @SuppressWarnings("unchecked") // the key holds the analysis, whose results are Rs
    public <R> R result(Analysis<R> analysis, Scope scope) {
        Objects.requireNonNull(analysis, "analysis");
        return (R) results.get(new ResultKey(analysis, scope), () -> analysis.compute(snapshot(scope.asOf()), scope.borough()));
    }

    /**
     * The referral graph to draw, with each node's measures; {@code sector} keeps the edges touching it. Kept until the
     * next import (the same object for the same scope and sector).
     */
    public NetworkView network(Scope scope, Sector sector) {
        return networks.get(new NetworkKey(scope, sector), () -> drawNetwork(scope, sector));
    }

    private NetworkView drawNetwork(Scope scope, Sector sector) {
        NetworkSnapshot snapshot = snapshot(scope.asOf());
        BottlenecksResult bottlenecks = result(BOTTLENECKS, scope);
        Map<String, BottlenecksResult.NodeMeasures> measures = new HashMap<>();
        bottlenecks.nodes().forEach(m -> measures.put(m.node().id(), m));
        ReferralGraph graph = ReferralGraph.ofBorough(snapshot, scope.borough());
        List<NetworkView.Edge> edges = new ArrayList<>();
        Set<String> kept = new LinkedHashSet<>();
        for (ReferralEdge e : graph.graph().edgeSet()) {
            NetworkNode source = graph.node(graph.graph().getEdgeSource(e));
            NetworkNode target = graph.node(graph.graph().getEdgeTarget(e));
            if (sector != null && source.sector() != sector && target.sector() != sector) {
                continue;
            }
            kept.add(source.id());
            kept.add(target.id());
            edges.add(new NetworkView.Edge(source.id(), target.id(), e.referralsTally(), e.tally(Outcome.ACCEPTED),
                    e.tally(Outcome.DECLINED), e.tally(Outcome.NO_RESPONSE), e.tally(Outcome.WITHDRAWN),
                    e.tally(Outcome.PENDING)));
        }
        List<NetworkView.Node> nodes = new ArrayList<>();
        for (NetworkNode node : graph.nodes()) {
            if (sector == null || kept.contains(node.id())) {
                var m = measures.get(node.id());
                nodes.add(new NetworkView.Node(node, m.betweenness(), m.articulationPoint(), m.brokerage().total(),
                        m.referralsIn(), m.referralsOut()));
            }
        }
        return new NetworkView(scope.asOf(), scope.borough(), sector, nodes, edges);
    }

    /**
     * One node as of a day; an unknown id is a {@link NotFoundException}. Read from the day's cached graph and
     * bottleneck measures, and kept until the next import (the same object for the same id and day).
     */
    public NodeDetail node(String id, LocalDate asOf) {
        LocalDate day = asOf == null ? defaultAsOf() : asOf;
        NetworkSnapshot snapshot = snapshot(day);
        NetworkNode node = snapshot.nodes().get(id);
        if (node == null) {
            throw new NotFoundException("No setting, agency, practitioner or service has the id \"" + id + "\"");
        }
        return details.get(new NodeKey(id, day), () -> describe(snapshot, node, day));
    }

    private DayGraph dayGraph(LocalDate day) {
        return graphs.get(day, () -> {
            Map<String, BottlenecksResult.NodeMeasures> measures = new HashMap<>();
            result(BOTTLENECKS, new Scope(day, null)).nodes().forEach(m -> measures.putIfAbsent(m.node().id(), m));
            return new DayGraph(ReferralGraph.of(snapshot(day)), Map.copyOf(measures));
        });
    }

    private NodeDetail describe(NetworkSnapshot snapshot, NetworkNode node, LocalDate day) {
        String id = node.id();
        DayGraph cached = dayGraph(day);
        BottlenecksResult.NodeMeasures measures = cached.measures().get(id);
        ReferralGraph graph = cached.graph();
        List<NodeDetail.Flow> by = new ArrayList<>();
        List<NodeDetail.Flow> to = new ArrayList<>();
        int v = graph.vertex(id);
        if (v >= 0) {
            for (ReferralEdge e : graph.graph().incomingEdgesOf(v)) {
                by.add(flow(graph.node(graph.graph().getEdgeSource(e)), e));
            }
            for (ReferralEdge e : graph.graph().outgoingEdgesOf(v)) {
                to.add(flow(graph.node(graph.graph().getEdgeTarget(e)), e));
            }
        }
        Comparator<NodeDetail.Flow> most = Comparator.comparing(NodeDetail.Flow::referrals).reversed()
                .thenComparing(f -> f.other().name());
        by.sort(most);
        to.sort(most);
        List<NodeDetail.Placed> placements = new ArrayList<>();
        for (Placement p : snapshot.placements()) {
            if (p.practitionerId().equals(id) || p.settingId().equals(id)) {
                placements.add(new NodeDetail.Placed(snapshot.node(p.practitionerId()), snapshot.node(p.settingId()),
                        p.period().start(), p.period().end()));
            }
        }
        NodeDetail.ServiceTerms terms = snapshot.services().stream().filter(s -> s.id().equals(id)).findFirst()
                .map(s -> new NodeDetail.ServiceTerms(s.boroughIds(), s.accepts(), s.excludes(), s.capacityPerMonth(),
                        s.waitWeeks()))
                .orElse(null);
        Map<String, String> funderNames = new HashMap<>();
        snapshot.funders().forEach(f -> funderNames.put(f.id(), f.name()));
        List<NodeDetail.Funded> funding = snapshot.funding().stream().filter(f -> f.practitionerId().equals(id))
                .map(f -> new NodeDetail.Funded(f.funderId(), funderNames.get(f.funderId()), f.amountGbp(),
                        f.period().start(), f.period().end()))
                .toList();
        Successions successions = new Successions(snapshot.successions());
        java.util.function.Function<String, String> name = other -> snapshot.nodes().containsKey(other)
                ? snapshot.nodes().get(other).name() : funderNames.getOrDefault(other, other);
        List<NodeDetail.Succeeded> predecessors = successions.predecessorsOf(id).stream()
                .map(s -> succeeded(s.predecessorId(), name, s)).toList();
        List<NodeDetail.Succeeded> successors = successions.successorsOf(id).stream()
                .map(s -> succeeded(s.successorId(), name, s)).toList();
        return new NodeDetail(day, node, measures, by, to, placements, terms, funding, predecessors, successors);
    }

    private static NodeDetail.Succeeded succeeded(String other, java.util.function.Function<String, String> name,
            Succession s) {
        return new NodeDetail.Succeeded(other, name.apply(other), s.date(),
                s.takes().stream().map(Succession.Takes::code).toList(), s.note());
    }

    private static NodeDetail.Flow flow(NetworkNode other, ReferralEdge e) {
        return new NodeDetail.Flow(other, e.referralsTally(), e.tally(Outcome.ACCEPTED), e.tally(Outcome.DECLINED),
                e.tally(Outcome.NO_RESPONSE), e.tally(Outcome.WITHDRAWN), e.tally(Outcome.PENDING));
    }

    /** The overview's headline numbers as of the scope's day and a year before. */
    public Headlines headlines(Scope scope) {
        return headlines.get(scope, () -> new Headlines(numbers(scope),
                numbers(new Scope(scope.asOf().minusYears(1), scope.borough()))));
    }

    private Headlines.Numbers numbers(Scope scope) {
        LocalDate day = scope.asOf();
        CoverageResult coverage = result(COVERAGE, scope);
        GapsResult gaps = result(GAPS, scope);
        OutcomesResult outcomes = result(OUTCOMES, scope);
        var loss = gaps.handOffLoss().handOffs().stream()
                .filter(h -> h.from() == Sector.CRIMINAL_JUSTICE && h.to() == Sector.HEALTH).findFirst();
        var pair = outcomes.pairs().stream()
                .filter(p -> p.from() == Sector.CRIMINAL_JUSTICE && p.to() == Sector.HEALTH).findFirst();
        var s = coverage.summary();
        var d = gaps.deadEnds();
        var conflicts = gaps.exclusionConflicts();
        return new Headlines.Numbers(day, s.boroughsWithCover(), s.practitionersPlaced(), s.fte(), s.holes(), s.fragile(),
                s.fundingActiveGbp(), conflicts.peopleBetweenTwoStools(), conflicts.peopleUnserved(), d.deadEnds(),
                d.resolved(), d.rate(), loss.map(h -> h.total()).orElse(Tally.ZERO), loss.map(h -> h.loss()).orElse(null),
                pair.map(p -> ratio(p.brokered().acceptance())).orElse(null),
                pair.map(p -> ratio(p.direct().acceptance())).orElse(null));
    }

    private static Ratio ratio(Proportion proportion) {
        return new Ratio(proportion.successes(), proportion.trials());
    }

    /** The codes and names the API uses, and the span of the data. */
    public Codes vocabulary() {
        LocalDate day = defaultAsOf();
        return vocabularies.get(day, () -> codes(day));
    }

    /**
     * The agencies of the snapshot of {@code asOf} (null: the default day) by name, then id: what the planner suggests
     * when a change names an agency, instead of reading the whole node-level network for its agency nodes.
     */
    public Codes.Agencies agencies(LocalDate asOf) {
        LocalDate day = asOf == null ? defaultAsOf() : asOf;
        return agencyLists.get(day, () -> new Codes.Agencies(day, snapshot(day).nodes().values().stream()
                .filter(n -> n.type() == bridgemap.model.NodeType.AGENCY)
                .map(n -> new Codes.Agency(n.id(), n.name(), n.sector()))
                .sorted(java.util.Comparator.comparing(Codes.Agency::name, String.CASE_INSENSITIVE_ORDER)
                        .thenComparing(Codes.Agency::id))
                .toList()));
    }

    private Codes codes(LocalDate day) {
        NetworkSnapshot snapshot = snapshot(day);
        return new Codes(
                snapshot.needs().stream().map(n -> new Codes.Named(n.id(), n.name())).toList(),
                bridgemap.model.Vocabulary.codes(Sector.class),
                java.util.Arrays.stream(bridgemap.model.SettingKind.values())
                        .map(k -> new Codes.Named(k.code(), k.label())).toList(),
                bridgemap.model.Vocabulary.codes(bridgemap.model.Outcome.class),
                earliestDate().orElse(null), latestDate().orElse(null));
    }

    private Optional<LocalDate> earliestDate() {
        TemporalProjection ready = projection;
        return ready != null ? ready.earliestDate() : snapshots.earliestDate();
    }

    private Optional<LocalDate> latestDate() {
        TemporalProjection ready = projection;
        return ready != null ? ready.latestReferralDate() : snapshots.latestReferralDate();
    }

    /** A case's referral chain up to {@code asOf} (default: today); an unknown case is a {@link NotFoundException}. */
    public CasePathway pathway(String caseId, LocalDate asOf) {
        LocalDate day = asOf == null ? LocalDate.now(clock) : asOf;
        var stored = cases.pathway(caseId, day)
                .orElseThrow(() -> new NotFoundException("No case has the id \"" + caseId + "\""));
        NetworkSnapshot snapshot = snapshot(day);
        List<CasePathway.Step> steps = stored.steps().stream()
                .map(s -> new CasePathway.Step(s.id(), s.date(), snapshot.node(s.fromId()), snapshot.node(s.toId()),
                        s.outcome(), s.reason()))
                .toList();
        return new CasePathway(stored.id(), stored.boroughId(), stored.ageBand(), stored.gender(), stored.needIds(), steps);
    }
}
