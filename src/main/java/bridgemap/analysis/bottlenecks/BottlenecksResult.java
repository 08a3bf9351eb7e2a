package bridgemap.analysis.bottlenecks;

import bridgemap.model.NetworkNode;
import bridgemap.model.PerUnit;
import bridgemap.model.Tally;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * The bottlenecks of the referral graph as of {@code asOf} (docs/analysis.md, "Bottlenecks").
 *
 * @param boroughId the borough filter, or null for all
 * @param graph size of the referral graph
 * @param nodes every node with its measures, by betweenness (highest first), then name
 * @param bridges edges whose removal disconnects the undirected view
 * @param brokerCut what separates criminal justice from health
 * @param entryRoutes for each criminal-justice setting in the graph, what its routes to health rest on
 * @param capacity services' accepted referrals against their stated capacity, and their waits
 */
public record BottlenecksResult(
        LocalDate asOf,
        String boroughId,
        GraphSize graph,
        List<NodeMeasures> nodes,
        List<BridgeEdge> bridges,
        BrokerCutReport brokerCut,
        List<EntryRoute> entryRoutes,
        Capacity capacity) {

    public BottlenecksResult {
        nodes = List.copyOf(nodes);
        bridges = List.copyOf(bridges);
        entryRoutes = List.copyOf(entryRoutes);
        Objects.requireNonNull(capacity, "capacity");
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

    /**
     * Services as bottlenecks ({@link ServiceCapacity}): every service in scope that states a monthly capacity or a
     * wait, the over-capacity ones first.
     *
     * @param longWait what counts as a long wait, and on whose authority
     * @param services each service with its load, over capacity first (highest load first), then long waits (longest
     *     first), then the rest (highest load first), then by name
     */
    public record Capacity(LongWait longWait, List<ServiceLoad> services) {

        public Capacity {
            Objects.requireNonNull(longWait, "longWait");
            services = List.copyOf(services);
        }
    }

    /** A wait is long when it is more than {@code waitWeeks} weeks, the {@code standard}. */
    public record LongWait(double waitWeeks, String standard) {}

    /**
     * One service's load in the window.
     *
     * @param accepted referrals to it accepted in the window (every borough's: the capacity is the whole service's)
     * @param acceptedPerMonth those per month the service was active in the window
     * @param capacityPerMonth its stated monthly capacity, or null
     * @param load accepted per month over capacity (1 = full), or null without a capacity above 0
     * @param waitWeeks its stated wait, or null
     * @param overCapacity more accepted a month than its capacity
     * @param longWait a wait longer than {@link LongWait#waitWeeks()}
     * @param queue for an over-capacity or long-waiting service, where the people it accepted came from: the last
     *     criminal-justice setting that referred each one before the accepted referral (null: none in the window),
     *     most people first; empty for other services
     */
    public record ServiceLoad(NetworkNode service, Tally accepted, PerUnit acceptedPerMonth, Integer capacityPerMonth,
            PerUnit load, Double waitWeeks, boolean overCapacity, boolean longWait, List<QueueSource> queue) {

        public ServiceLoad {
            queue = List.copyOf(queue);
        }
    }

    /** People a service accepted who came from one criminal-justice setting (null: from none in the window). */
    public record QueueSource(Tally people, NetworkNode entry, String boroughName) {}
}
