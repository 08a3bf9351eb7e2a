package bridgemap.service;

import bridgemap.model.NetworkNode;
import bridgemap.model.Sector;
import bridgemap.model.Tally;
import java.time.LocalDate;
import java.util.List;

/**
 * The referral graph as of a day, ready to draw: every node with its bottleneck measures, every edge with
 * its referral counts. With a sector filter, the edges that touch that sector and their end nodes.
 */
public record NetworkView(LocalDate asOf, String boroughId, Sector sector, List<Node> nodes, List<Edge> edges) {

    public NetworkView {
        nodes = List.copyOf(nodes);
        edges = List.copyOf(edges);
    }

    /** A node and what the bottleneck analysis says of it. */
    public record Node(NetworkNode node, double betweenness, boolean articulationPoint, long brokerage,
            Tally referralsIn, Tally referralsOut) {}

    /** Referrals from {@code source} to {@code target} in the window, by outcome. */
    public record Edge(String source, String target, Tally referrals, Tally accepted, Tally declined, Tally noResponse,
            Tally withdrawn, Tally pending) {}
}
