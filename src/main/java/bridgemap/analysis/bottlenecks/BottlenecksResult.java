package bridgemap.analysis.bottlenecks;

import bridgemap.model.NetworkNode;
import bridgemap.model.PerUnit;
import bridgemap.model.Tally;
import java.time.LocalDate;
import java.util.List;

/**
 * The bottlenecks of the referral graph as of {@code asOf} (docs/analysis.md, "Bottlenecks").
 *
 * @param boroughId the borough filter, or null for all
 * @param graph size of the referral graph
 * @param nodes every node with its measures, by betweenness (highest first), then name
 * @param bridges edges whose removal disconnects the undirected view
 * @param brokerCut what separates criminal justice from health
 * @param entryRoutes for each criminal-justice setting in the graph, what its routes to health rest on
 */
public record BottlenecksResult(
        LocalDate asOf,
        String boroughId,
        GraphSize graph,
        List<NodeMeasures> nodes,
        List<BridgeEdge> bridges,
        BrokerCutReport brokerCut,
        List<EntryRoute> entryRoutes) {

    public BottlenecksResult {
        nodes = List.copyOf(nodes);
        bridges = List.copyOf(bridges);
        entryRoutes = List.copyOf(entryRoutes);
    }

    /** Nodes, edges and referrals of the graph. */
    public record GraphSize(int nodes, int edges, Tally referrals) {}

    /**
     * One node's measures: normalised betweenness; whether it is an articulation point; Gould–Fernandez
     * brokerage counts; Burt's effective size and constraint (null for a node with no neighbours);
     * referrals it sent and received in the window; and for practitioners in post, referrals per FTE.
     */
    public record NodeMeasures(
            NetworkNode node,
            double betweenness,
            boolean articulationPoint,
            Brokerage brokerage,
            Double effectiveSize,
            Double constraint,
            Tally referralsOut,
            Tally referralsIn,
            PerUnit referralsPerFte) {}

    /** Gould–Fernandez role counts (groups = sectors), as R sna::brokerage counts them. */
    public record Brokerage(long coordinator, long itinerant, long representative, long gatekeeper, long liaison, long total) {}

    /** An edge of the undirected view whose removal disconnects it. */
    public record BridgeEdge(NetworkNode a, NetworkNode b) {}

    /**
     * What separates criminal justice from health: {@code direct_edges} (criminal-justice nodes refer
     * straight to health, so no broker cut separates them; {@code directEdges} says how many edges),
     * {@code already_separated} (no route at all) or {@code cut} (the fewest brokers whose loss leaves no route).
     */
    public record BrokerCutReport(String kind, List<NetworkNode> cut, int directEdges, int criminalJusticeNodes,
            int healthNodes, String summary) {

        public BrokerCutReport {
            cut = List.copyOf(cut);
        }
    }

    /**
     * For one criminal-justice setting (custody suite, court, probation office, prison), by people: of the
     * {@code peopleToHealth} whose chain went on from this setting to a health node, how many it referred
     * to health itself ({@code peopleDirect}) and which other node referred most of the rest to health
     * ({@code mainBroker}, {@code peopleThroughMainBroker}). And by structure: {@code direct} (it refers to health itself), {@code sole_bridge}
     * (every route to health passes through one node, listed), {@code several_brokers} (the fewest nodes
     * on every route, listed), or {@code no_route} (no route to health in the window).
     */
    public record EntryRoute(NetworkNode entry, String boroughName, String status, List<NetworkNode> through,
            Tally peopleToHealth, Tally peopleDirect, NetworkNode mainBroker, Tally peopleThroughMainBroker) {

        public EntryRoute {
            through = List.copyOf(through);
        }
    }
}
