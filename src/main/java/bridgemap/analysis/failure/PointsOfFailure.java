package bridgemap.analysis.failure;

import bridgemap.analysis.bottlenecks.BottlenecksResult.EntryRoute;
import bridgemap.analysis.bottlenecks.EntryRoutes;
import bridgemap.analysis.bottlenecks.RoutesToHealth;
import bridgemap.analysis.coverage.CoverageResult;
import bridgemap.analysis.coverage.CoverageResult.CellKey;
import bridgemap.analysis.failure.PointsOfFailureResult.PointOfFailure;
import bridgemap.analysis.failure.PointsOfFailureResult.Reason;
import bridgemap.analysis.network.Articulation;
import bridgemap.analysis.network.BrokerCut;
import bridgemap.analysis.network.BrokerCutResult;
import bridgemap.analysis.network.Csr;
import bridgemap.graph.ReferralGraph;
import bridgemap.model.Case;
import bridgemap.model.Funder;
import bridgemap.model.NetworkNode;
import bridgemap.model.NetworkSnapshot;
import bridgemap.model.Ratio;
import bridgemap.model.Referral;
import bridgemap.model.Sector;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Who are our single points of failure: one answer that brings together the shape of the referral network
 * (structure), practitioner cover of places (cover) and who carries people to health (flow), each point listed
 * once with every reason that applies, in plain words with the technical term beside them.
 *
 * <p>Definition ({@code docs/analysis.md}, "Single points of failure"). A practitioner, funder, setting, agency or
 * service is a single point of failure when at least one of these holds:
 * <ul>
 *   <li><b>cover</b> (N−1, read from the coverage result): a practitioner who is the only one placed at some place
 *       (borough × setting kind), or a funder whose withdrawal would leave some place with no practitioner;</li>
 *   <li><b>flow</b> (main broker): it carried more than half of a criminal-justice setting's people to health
 *       ({@link RoutesToHealth});</li>
 *   <li><b>structure</b>: every referral route from a criminal-justice setting to health passes through it (sole
 *       bridge, {@link EntryRoutes}); it alone is the broker cut between criminal justice and health
 *       ({@link BrokerCut}); or it is a cut vertex (articulation point) of the referral graph, whose loss cuts some
 *       nodes off from the rest ({@link Articulation}, {@link CutOffs}).</li>
 * </ul>
 * <b>How much depends on it</b> — the ranking — is the people in scope (the borough's cases under a filter) behind
 * any of its reasons, each counted once: for cover, those seen in the window at a setting of the places it alone
 * keeps covered (a referral from or to one); for flow, those it carried to health; for a sole bridge, the setting's
 * people who reached health; for the broker cut, everyone who reached health from criminal justice; for a cut
 * vertex, those it linked to the part it cuts off (a referral from or to it, and one from or to a node of that
 * part). Points come most people first, then most reasons, then by name and id.
 *
 * <p>O(R log R + S·c·(n + m) + A·(n + m)) for R referrals in the window, S criminal-justice settings with cuts of
 * size c, and A articulation points of the referral graph of n nodes and m edges; the coverage result is read,
 * not recomputed.
 */
public final class PointsOfFailure {

    private static final int NAMED = 3;

    private PointsOfFailure() {}

    /**
     * The single points of failure of every borough, or of one.
     *
     * @param boroughFilter a borough's GSS code, or null for every borough
     * @param coverage the coverage result of the same snapshot and borough, whose N−1 lists are read
     * @throws IllegalArgumentException when the filter names a borough the snapshot does not have, or the coverage
     *     result is of another day or borough
     */
    public static PointsOfFailureResult compute(NetworkSnapshot snapshot, String boroughFilter, CoverageResult coverage) {
        Objects.requireNonNull(snapshot, "snapshot");
        Objects.requireNonNull(coverage, "coverage");
        if (boroughFilter != null && snapshot.boroughs().stream().noneMatch(b -> b.id().equals(boroughFilter))) {
            throw new IllegalArgumentException("no borough " + boroughFilter + " in the snapshot");
        }
        if (!coverage.asOf().equals(snapshot.asOf()) || !Objects.equals(coverage.boroughId(), boroughFilter)) {
            throw new IllegalArgumentException("the coverage result is of " + coverage.asOf() + " and borough "
                    + coverage.boroughId() + ", not of " + snapshot.asOf() + " and " + boroughFilter);
        }
        Map<String, Set<Case>> touching = touching(snapshot, boroughFilter);
        Map<String, Draft> drafts = new LinkedHashMap<>();
        cover(snapshot, coverage, touching, drafts);
        ReferralGraph referrals = ReferralGraph.ofBorough(snapshot, boroughFilter);
        RoutesToHealth routes = RoutesToHealth.of(snapshot, boroughFilter);
        flow(snapshot, routes, drafts);
        Set<String> cutVertices = structure(snapshot, referrals, routes, touching, drafts);

        List<PointOfFailure> points = new ArrayList<>();
        for (Draft draft : drafts.values()) {
            if (draft.node != null && referrals.vertex(draft.id) >= 0 && !cutVertices.contains(draft.id)) {
                draft.structure.add(new Reason(PointsOfFailureResult.STRUCTURE, "not_cut_vertex", "not a cut vertex",
                        "the referral network stays in one piece without it", null, List.of(), List.of()));
            }
            points.add(draft.point());
        }
        points.sort(Comparator.comparing(PointOfFailure::people).reversed()
                .thenComparing(p -> -p.reasons().stream().filter(Reason::holds).count())
                .thenComparing(PointOfFailure::name)
                .thenComparing(PointOfFailure::id));
        return new PointsOfFailureResult(snapshot.asOf(), boroughFilter, points);
    }

    /** For each node: the people in scope with a referral from or to it in the window. */
    private static Map<String, Set<Case>> touching(NetworkSnapshot snapshot, String borough) {
        Map<String, Case> inScope = RoutesToHealth.casesInScope(snapshot, borough);
        Map<String, Set<Case>> touching = new HashMap<>();
        for (Referral r : snapshot.referrals()) {
            Case person = inScope.get(r.caseId());
            if (person != null) {
                touching.computeIfAbsent(r.fromId(), id -> new LinkedHashSet<>()).add(person);
                touching.computeIfAbsent(r.toId(), id -> new LinkedHashSet<>()).add(person);
            }
        }
        return touching;
    }

    /** N−1: practitioners who alone hold a place, funders whose withdrawal empties one (from the coverage result). */
    private static void cover(NetworkSnapshot snapshot, CoverageResult coverage, Map<String, Set<Case>> touching,
            Map<String, Draft> drafts) {
        Map<CellKey, List<NetworkNode>> settingsOf = new HashMap<>();
        coverage.cells().forEach(cell -> settingsOf.put(cell.key(), cell.settings()));
        for (CoverageResult.PractitionerLoss loss : coverage.practitionerLosses()) {
            List<NetworkNode> settings = settings(loss.cellsLost(), settingsOf);
            Draft draft = drafts.computeIfAbsent(loss.practitioner().id(), id -> Draft.of(loss.practitioner()));
            settings.forEach(s -> draft.people.addAll(touching.getOrDefault(s.id(), Set.of())));
            draft.cover.add(new Reason(PointsOfFailureResult.COVER, "only_practitioner", "N−1 practitioner loss",
                    "the only practitioner at " + names(settings), null, settings, loss.cellsLost()));
        }
        for (CoverageResult.FunderLoss loss : coverage.funderLosses()) {
            List<NetworkNode> settings = settings(loss.cellsLost(), settingsOf);
            Draft draft = drafts.computeIfAbsent("funder:" + loss.funder().id(), id -> Draft.of(loss.funder()));
            settings.forEach(s -> draft.people.addAll(touching.getOrDefault(s.id(), Set.of())));
            draft.cover.add(new Reason(PointsOfFailureResult.COVER, "funder_withdrawal", "N−1 funder loss",
                    "its withdrawal would leave " + names(settings) + " with no practitioner", null, settings,
                    loss.cellsLost()));
        }
    }

    private static List<NetworkNode> settings(List<CellKey> places, Map<CellKey, List<NetworkNode>> settingsOf) {
        List<NetworkNode> settings = new ArrayList<>();
        for (CellKey place : places) {
            settings.addAll(settingsOf.getOrDefault(place, List.of()));
        }
        return settings;
    }

    /** Main brokers: who carried more than half of a criminal-justice setting's people to health. */
    private static void flow(NetworkSnapshot snapshot, RoutesToHealth routes, Map<String, Draft> drafts) {
        for (String settingId : routes.settings()) {
            Set<Case> total = routes.people(settingId);
            Optional<String> main = routes.mainBroker(settingId);
            if (main.isEmpty()) {
                continue;
            }
            Set<Case> carried = routes.carriers(settingId).get(main.get());
            if (2 * carried.size() <= total.size()) {
                continue;
            }
            NetworkNode setting = snapshot.node(settingId);
            Draft draft = drafts.computeIfAbsent(main.get(), id -> Draft.of(snapshot.node(id)));
            draft.people.addAll(carried);
            draft.flow.add(new Reason(PointsOfFailureResult.FLOW, "main_broker", "main broker",
                    "carries " + PointsOfFailureResult.SHARE + " of " + setting.name() + "'s people to health",
                    new Ratio(RoutesToHealth.tally(carried), RoutesToHealth.tally(total)), List.of(setting), List.of()));
        }
    }

    /** Sole bridges, a broker cut of one, and cut vertices; answers the cut vertices' ids. */
    private static Set<String> structure(NetworkSnapshot snapshot, ReferralGraph referrals, RoutesToHealth routes,
            Map<String, Set<Case>> touching, Map<String, Draft> drafts) {
        for (EntryRoute route : EntryRoutes.compute(referrals, snapshot, routes)) {
            if (!"sole_bridge".equals(route.status())) {
                continue;
            }
            NetworkNode bridge = route.through().get(0);
            Draft draft = drafts.computeIfAbsent(bridge.id(), id -> Draft.of(bridge));
            draft.people.addAll(routes.people(route.entry().id()));
            draft.structure.add(new Reason(PointsOfFailureResult.STRUCTURE, "sole_bridge", "sole bridge",
                    "every referral route from " + route.entry().name() + " to health passes through it", null,
                    List.of(route.entry()), List.of()));
        }
        BrokerCutResult cut = BrokerCut.compute(referrals.graph(), referrals.sectorGroups(), Sector.CRIMINAL_JUSTICE.ordinal(),
                Sector.HEALTH.ordinal());
        if (cut.kind() == BrokerCutResult.Kind.CUT && cut.cut().size() == 1) {
            NetworkNode broker = referrals.node(cut.cut().get(0));
            Draft draft = drafts.computeIfAbsent(broker.id(), id -> Draft.of(broker));
            routes.settings().forEach(s -> draft.people.addAll(routes.people(s)));
            draft.structure.add(new Reason(PointsOfFailureResult.STRUCTURE, "broker_cut", "broker cut of one",
                    "every referral route from criminal justice to health passes through it", null, List.of(), List.of()));
        }
        Csr undirected = Csr.fromGraph(referrals.graph()).symmetric();
        Set<String> cutVertices = new HashSet<>();
        for (int v : Articulation.compute(referrals.graph()).articulationPoints()) {
            NetworkNode node = referrals.node(v);
            cutVertices.add(node.id());
            List<NetworkNode> cutOff = new ArrayList<>();
            for (int u : CutOffs.of(undirected, v)) {
                cutOff.add(referrals.node(u));
            }
            cutOff.sort(Comparator.comparing(NetworkNode::name).thenComparing(NetworkNode::id));
            Draft draft = drafts.computeIfAbsent(node.id(), id -> Draft.of(node));
            Set<Case> linked = new HashSet<>();
            cutOff.forEach(n -> linked.addAll(touching.getOrDefault(n.id(), Set.of())));
            linked.retainAll(touching.getOrDefault(node.id(), Set.of()));
            draft.people.addAll(linked);
            draft.structure.add(new Reason(PointsOfFailureResult.STRUCTURE, "cut_vertex", "cut vertex",
                    "without it, " + names(cutOff, NAMED) + (cutOff.size() == 1 ? " has" : " have")
                            + " no referral link to the rest of the network", null, cutOff, List.of()));
        }
        return cutVertices;
    }

    /** "A", "A and B", "A, B and C". */
    static String names(List<NetworkNode> nodes) {
        return names(nodes, Integer.MAX_VALUE);
    }

    /** The first {@code named} names, then "and N others". */
    static String names(List<NetworkNode> nodes, int named) {
        List<String> names = nodes.stream().map(NetworkNode::name).distinct().toList();
        if (names.size() > named) {
            int others = names.size() - named;
            return String.join(", ", names.subList(0, named)) + " and " + others + (others == 1 ? " other" : " others");
        }
        if (names.size() <= 1) {
            return names.isEmpty() ? "" : names.get(0);
        }
        return String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
    }

    /** One point's reasons as they are found, with the people behind them. */
    private static final class Draft {
        final String id;
        final String name;
        final String type;
        final NetworkNode node;
        final Set<Case> people = new HashSet<>();
        final List<Reason> cover = new ArrayList<>();
        final List<Reason> flow = new ArrayList<>();
        final List<Reason> structure = new ArrayList<>();

        private Draft(String id, String name, String type, NetworkNode node) {
            this.id = id;
            this.name = name;
            this.type = type;
            this.node = node;
        }

        static Draft of(NetworkNode node) {
            return new Draft(node.id(), node.name(), node.type().code(), node);
        }

        static Draft of(Funder funder) {
            return new Draft(funder.id(), funder.name(), "funder", null);
        }

        /** The point, its reasons in the order cover, flow, structure; a flow reason after a cover reason of its setting alone says "its". */
        PointOfFailure point() {
            List<Reason> reasons = new ArrayList<>(cover);
            for (Reason reason : flow) {
                boolean same = !reasons.isEmpty() && reasons.get(reasons.size() - 1).nodes().equals(reason.nodes());
                reasons.add(same ? new Reason(reason.measure(), reason.code(), reason.term(),
                        "carries " + PointsOfFailureResult.SHARE + " of its people to health", reason.share(), reason.nodes(),
                        reason.places()) : reason);
            }
            reasons.addAll(structure);
            return new PointOfFailure(RoutesToHealth.tally(people), id, name, type, node, reasons);
        }
    }
}
