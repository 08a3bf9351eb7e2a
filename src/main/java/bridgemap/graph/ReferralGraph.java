package bridgemap.graph;

import bridgemap.model.Case;
import bridgemap.model.NetworkNode;
import bridgemap.model.NetworkSnapshot;
import bridgemap.model.Referral;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import org.jgrapht.Graph;
import org.jgrapht.graph.builder.GraphTypeBuilder;

/**
 * The referral graph as of D (docs/analysis.md): directed; nodes are the settings, agencies, practitioners
 * and services that sent or received a referral in the window, with dense ids 0..n−1 in order of first
 * appearance; one edge u → v carrying the number of referrals and their outcomes. A referral from a node to
 * itself is no hand-off and is left out: imports refuse them, and a what-if's displaced person is one, staying
 * where they came in (analysis/planning/Displacement).
 */
public final class ReferralGraph {

    private final Graph<Integer, ReferralEdge> graph;
    private final List<NetworkNode> nodes;
    private final Map<String, Integer> index;

    private ReferralGraph(Graph<Integer, ReferralEdge> graph, List<NetworkNode> nodes, Map<String, Integer> index) {
        this.graph = graph;
        this.nodes = Collections.unmodifiableList(nodes);
        this.index = Collections.unmodifiableMap(index);
    }

    /** The graph of every referral in the snapshot's window. */
    public static ReferralGraph of(NetworkSnapshot snapshot) {
        return of(snapshot, referral -> true);
    }

    /** The graph of the referrals of one borough's cases ({@code borough} a GSS code), or of all when null. */
    public static ReferralGraph ofBorough(NetworkSnapshot snapshot, String borough) {
        if (borough == null) {
            return of(snapshot);
        }
        Set<String> cases = new HashSet<>();
        for (Case c : snapshot.cases()) {
            if (borough.equals(c.boroughId())) {
                cases.add(c.id());
            }
        }
        return of(snapshot, referral -> cases.contains(referral.caseId()));
    }

    /** The graph of the window's referrals that {@code include} accepts. */
    public static ReferralGraph of(NetworkSnapshot snapshot, Predicate<Referral> include) {
        Objects.requireNonNull(snapshot, "snapshot");
        Objects.requireNonNull(include, "include");
        Graph<Integer, ReferralEdge> graph = GraphTypeBuilder.<Integer, ReferralEdge>directed()
                .allowingMultipleEdges(false)
                .allowingSelfLoops(false)
                .weighted(false)
                .buildGraph();
        List<NetworkNode> nodes = new ArrayList<>();
        Map<String, Integer> index = new HashMap<>();
        for (Referral referral : snapshot.referrals()) {
            if (!include.test(referral) || referral.fromId().equals(referral.toId())) {
                continue;
            }
            int from = vertex(referral.fromId(), snapshot, graph, nodes, index);
            int to = vertex(referral.toId(), snapshot, graph, nodes, index);
            ReferralEdge edge = graph.getEdge(from, to);
            if (edge == null) {
                edge = new ReferralEdge();
                graph.addEdge(from, to, edge);
            }
            edge.count(referral.outcome(), referral.cellKey());
        }
        return new ReferralGraph(graph, nodes, index);
    }

    private static int vertex(String id, NetworkSnapshot snapshot, Graph<Integer, ReferralEdge> graph,
            List<NetworkNode> nodes, Map<String, Integer> index) {
        Integer existing = index.get(id);
        if (existing != null) {
            return existing;
        }
        int v = nodes.size();
        nodes.add(snapshot.node(id));
        index.put(id, v);
        graph.addVertex(v);
        return v;
    }

    /** The JGraphT graph over vertices 0..n−1. */
    public Graph<Integer, ReferralEdge> graph() {
        return graph;
    }

    /** The node of vertex {@code v}. */
    public NetworkNode node(int v) {
        return nodes.get(v);
    }

    /** Nodes in vertex order. */
    public List<NetworkNode> nodes() {
        return nodes;
    }

    /** The vertex of node {@code id}, or −1 when the node is not in the graph. */
    public int vertex(String id) {
        return index.getOrDefault(id, -1);
    }

    public int size() {
        return nodes.size();
    }

    /** Each vertex's sector ordinal, for algorithms that take groups. */
    public int[] sectorGroups() {
        int[] groups = new int[nodes.size()];
        for (int v = 0; v < groups.length; v++) {
            groups[v] = nodes.get(v).sector().ordinal();
        }
        return groups;
    }
}
