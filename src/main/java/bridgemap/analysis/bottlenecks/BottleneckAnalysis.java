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
import bridgemap.analysis.network.StructuralHoles;
import bridgemap.analysis.network.StructuralHolesResult;
import bridgemap.graph.ReferralEdge;
import bridgemap.graph.ReferralGraph;
import bridgemap.model.NetworkNode;
import bridgemap.model.NetworkSnapshot;
import bridgemap.model.NodeType;
import bridgemap.model.PerUnit;
import bridgemap.model.Practitioner;
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
 * load per FTE, for each criminal-justice setting what its routes to health rest on ({@link EntryRoutes}), and
 * services' accepted referrals against their capacity and their waits ({@link ServiceCapacity}).
 *
 * <p>Cost: Brandes O(nm) dominates, plus one max-flow per entry setting.
 */
public final class BottleneckAnalysis {

    private BottleneckAnalysis() {}

    /**
     * The bottlenecks of the referral graph of {@code snapshot}, or of one borough's cases' referrals.
     *
     * @throws IllegalArgumentException when {@code borough} is not a borough of the snapshot
     */
    public static BottlenecksResult compute(NetworkSnapshot snapshot, String borough) {
        Objects.requireNonNull(snapshot, "snapshot");
        if (borough != null && snapshot.boroughs().stream().noneMatch(b -> b.id().equals(borough))) {
            throw new IllegalArgumentException("no borough " + borough + " in the snapshot");
        }
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
                brokerCut(referrals, sectors), EntryRoutes.compute(referrals, snapshot, RoutesToHealth.of(snapshot, borough)),
                ServiceCapacity.compute(snapshot, borough));
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
}
