package bridgemap.analysis.bottlenecks;

import bridgemap.analysis.network.Articulation;
import bridgemap.analysis.network.ArticulationResult;
import bridgemap.analysis.network.Betweenness;
import bridgemap.analysis.network.Bridge;
import bridgemap.analysis.network.BrokerCut;
import bridgemap.analysis.network.BrokerCutResult;
import bridgemap.analysis.network.BrokerageResult;
import bridgemap.analysis.network.BrokerageRole;
import bridgemap.analysis.network.BrokerageRoles;
import bridgemap.analysis.network.Csr;
import bridgemap.analysis.network.StructuralHoles;
import bridgemap.analysis.network.StructuralHolesResult;
import bridgemap.graph.ReferralEdge;
import bridgemap.graph.ReferralGraph;
import bridgemap.model.Borough;
import bridgemap.model.Case;
import bridgemap.model.NetworkNode;
import bridgemap.model.NetworkSnapshot;
import bridgemap.model.NodeType;
import bridgemap.model.PerUnit;
import bridgemap.model.Practitioner;
import bridgemap.model.Referral;
import bridgemap.model.Sector;
import bridgemap.model.Tally;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jgrapht.Graph;

/**
 * Brokerage bottlenecks of the referral graph as of D (docs/analysis.md): betweenness, articulation points
 * and bridges, the criminal-justice → health broker cut, Gould–Fernandez roles, Burt's structural holes,
 * load per FTE, and for each criminal-justice setting what its routes to health rest on.
 *
 * <p>Cost: Brandes O(nm) dominates, plus one max-flow per entry setting.
 */
public final class BottleneckAnalysis {

    private BottleneckAnalysis() {}

    /** The bottlenecks of the referral graph of {@code snapshot}, or of one borough's cases' referrals. */
    public static BottlenecksResult compute(NetworkSnapshot snapshot, String borough) {
        Objects.requireNonNull(snapshot, "snapshot");
        ReferralGraph referrals = ReferralGraph.ofBorough(snapshot, borough);
        Graph<Integer, ReferralEdge> g = referrals.graph();
        int n = referrals.size();
        int[] sectors = referrals.sectorGroups();

        double[] betweenness = Betweenness.compute(g);
        ArticulationResult articulation = Articulation.compute(g);
        BrokerageResult brokerage = BrokerageRoles.compute(g, sectors);
        StructuralHolesResult holes = StructuralHoles.compute(g, ReferralEdge::referrals);
        Map<String, Double> fte = new HashMap<>();
        for (Practitioner p : snapshot.practitioners()) {
            fte.put(p.id(), p.fte());
        }

        Set<Integer> articulationPoints = new HashSet<>(articulation.articulationPoints());
        Tally total = Tally.ZERO;
        List<BottlenecksResult.NodeMeasures> measures = new ArrayList<>(n);
        for (int v = 0; v < n; v++) {
            Tally out = Tally.ZERO;
            Tally in = Tally.ZERO;
            for (ReferralEdge e : g.outgoingEdgesOf(v)) {
                out = out.plus(e.referralsTally());
            }
            for (ReferralEdge e : g.incomingEdgesOf(v)) {
                in = in.plus(e.referralsTally());
            }
            total = total.plus(out);
            NetworkNode node = referrals.node(v);
            PerUnit load = node.type() == NodeType.PRACTITIONER && fte.get(node.id()) != null && fte.get(node.id()) > 0
                    ? new PerUnit(out.plus(in), fte.get(node.id())) : null;
            measures.add(new BottlenecksResult.NodeMeasures(node, betweenness[v], articulationPoints.contains(v),
                    new BottlenecksResult.Brokerage(brokerage.count(BrokerageRole.COORDINATOR, v),
                            brokerage.count(BrokerageRole.ITINERANT, v), brokerage.count(BrokerageRole.REPRESENTATIVE, v),
                            brokerage.count(BrokerageRole.GATEKEEPER, v), brokerage.count(BrokerageRole.LIAISON, v),
                            brokerage.total(v)),
                    finite(holes.effectiveSize(v)), finite(holes.constraint(v)), out, in, load));
        }
        measures.sort(Comparator.comparingDouble(BottlenecksResult.NodeMeasures::betweenness).reversed()
                .thenComparing(m -> m.node().name()));

        List<BottlenecksResult.BridgeEdge> bridges = new ArrayList<>();
        for (Bridge bridge : articulation.bridges()) {
            bridges.add(new BottlenecksResult.BridgeEdge(referrals.node(bridge.u()), referrals.node(bridge.v())));
        }

        return new BottlenecksResult(snapshot.asOf(), borough,
                new BottlenecksResult.GraphSize(n, g.edgeSet().size(), total), measures, bridges,
                brokerCut(referrals, sectors), entryRoutes(referrals, sectors, boroughNames(snapshot),
                        routesToHealth(snapshot, borough)));
    }

    private static Double finite(double value) {
        return Double.isFinite(value) ? value : null;
    }

    private static BottlenecksResult.BrokerCutReport brokerCut(ReferralGraph referrals, int[] sectors) {
        BrokerCutResult cut = BrokerCut.compute(referrals.graph(), sectors, Sector.CRIMINAL_JUSTICE.ordinal(),
                Sector.HEALTH.ordinal());
        List<NetworkNode> nodes = cut.cut().stream().map(referrals::node).toList();
        String summary = switch (cut.kind()) {
            case DIRECT_EDGES -> "No broker cut separates criminal justice from health: " + cut.directEdges()
                    + " direct criminal-justice → health referral route" + (cut.directEdges() == 1 ? "" : "s") + ".";
            case ALREADY_SEPARATED -> cut.fromCount() == 0 || cut.toCount() == 0
                    ? "No " + (cut.fromCount() == 0 ? "criminal-justice" : "health") + " node sent or received a referral in the window."
                    : "No referral route leads from criminal justice to health at all.";
            case CUT -> "Losing " + (nodes.size() == 1 ? "this broker" : "these " + nodes.size() + " brokers")
                    + " would leave no route from criminal justice to health: "
                    + String.join(", ", nodes.stream().map(NetworkNode::name).toList()) + ".";
        };
        return new BottlenecksResult.BrokerCutReport(cut.kind().name().toLowerCase(java.util.Locale.ROOT), nodes,
                cut.directEdges(), cut.fromCount(), cut.toCount(), summary);
    }

    /** For each criminal-justice setting (custody, court, probation office, prison): the fewest nodes on every route from it to health. */
    private static Map<String, String> boroughNames(NetworkSnapshot snapshot) {
        Map<String, String> names = new HashMap<>();
        for (Borough b : snapshot.boroughs()) {
            names.put(b.id(), b.name());
        }
        return names;
    }

    /**
     * For each criminal-justice setting: per case whose chain (window referrals in date order) reaches a
     * health node after a referral from the setting, which node made that first referral to health.
     */
    private static Map<String, Map<String, Tally>> routesToHealth(NetworkSnapshot snapshot, String borough) {
        Map<String, List<Referral>> chains = new HashMap<>();
        Map<String, Integer> inScope = new HashMap<>(); // case id → record key
        for (Case c : snapshot.cases()) {
            if (borough == null || borough.equals(c.boroughId())) {
                inScope.put(c.id(), c.cellKey());
            }
        }
        for (Referral r : snapshot.referrals()) {
            if (inScope.containsKey(r.caseId())) {
                chains.computeIfAbsent(r.caseId(), id -> new ArrayList<>()).add(r);
            }
        }
        Map<String, Map<String, Tally>> routes = new HashMap<>();
        for (List<Referral> chain : chains.values()) {
            int key = inScope.get(chain.get(0).caseId());
            chain.sort(Comparator.comparing(Referral::date).thenComparing(Referral::id));
            Set<String> counted = new HashSet<>();
            for (int i = 0; i < chain.size(); i++) {
                NetworkNode from = snapshot.node(chain.get(i).fromId());
                if (from.type() != NodeType.SETTING || from.sector() != Sector.CRIMINAL_JUSTICE || !counted.add(from.id())) {
                    continue;
                }
                for (int j = i; j < chain.size(); j++) {
                    if (snapshot.node(chain.get(j).toId()).sector() == Sector.HEALTH) {
                        routes.computeIfAbsent(from.id(), id -> new HashMap<>()).merge(chain.get(j).fromId(), Tally.of(key), Tally::plus);
                        break;
                    }
                }
            }
        }
        return routes;
    }

    private static List<BottlenecksResult.EntryRoute> entryRoutes(ReferralGraph referrals, int[] sectors,
            Map<String, String> boroughNames, Map<String, Map<String, Tally>> routesToHealth) {
        final int entry = 0;
        final int health = 1;
        final int other = 2;
        List<BottlenecksResult.EntryRoute> routes = new ArrayList<>();
        Csr csr = Csr.fromGraph(referrals.graph()); // once: one cut per criminal-justice setting follows
        for (int v = 0; v < referrals.size(); v++) {
            NetworkNode node = referrals.node(v);
            if (node.type() != NodeType.SETTING || node.sector() != Sector.CRIMINAL_JUSTICE) {
                continue;
            }
            int[] groups = new int[sectors.length];
            for (int u = 0; u < groups.length; u++) {
                groups[u] = u == v ? entry : sectors[u] == Sector.HEALTH.ordinal() ? health : other;
            }
            BrokerCutResult cut = BrokerCut.computeOn(csr, groups, entry, health);
            List<NetworkNode> through = cut.cut().stream().map(referrals::node).toList();
            String status = switch (cut.kind()) {
                case DIRECT_EDGES -> "direct";
                case ALREADY_SEPARATED -> "no_route";
                case CUT -> through.size() == 1 ? "sole_bridge" : "several_brokers";
            };
            Map<String, Tally> via = routesToHealth.getOrDefault(node.id(), Map.of());
            Tally people = via.values().stream().reduce(Tally.ZERO, Tally::plus);
            Tally direct = via.getOrDefault(node.id(), Tally.ZERO);
            var main = via.entrySet().stream().filter(e -> !e.getKey().equals(node.id()))
                    .max(Comparator.comparing((Map.Entry<String, Tally> e) -> e.getValue())
                            .thenComparing(Map.Entry::getKey, Comparator.reverseOrder()));
            int vertex = main.map(e -> referrals.vertex(e.getKey())).orElse(-1);
            routes.add(new BottlenecksResult.EntryRoute(node, boroughNames.get(node.boroughId()), status, through, people,
                    direct, vertex < 0 ? null : referrals.node(vertex), main.map(Map.Entry::getValue).orElse(Tally.ZERO)));
        }
        routes.sort(Comparator.comparingInt((BottlenecksResult.EntryRoute r) -> statusOrder(r.status()))
                .thenComparing(r -> r.entry().name()));
        return routes;
    }

    private static int statusOrder(String status) {
        return switch (status) {
            case "no_route" -> 0;
            case "sole_bridge" -> 1;
            case "several_brokers" -> 2;
            default -> 3;
        };
    }
}
