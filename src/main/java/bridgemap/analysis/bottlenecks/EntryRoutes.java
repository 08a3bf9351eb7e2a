package bridgemap.analysis.bottlenecks;

import bridgemap.analysis.bottlenecks.BottlenecksResult.EntryRoute;
import bridgemap.analysis.network.BrokerCut;
import bridgemap.analysis.network.BrokerCutResult;
import bridgemap.analysis.network.Csr;
import bridgemap.graph.ReferralGraph;
import bridgemap.model.Borough;
import bridgemap.model.Case;
import bridgemap.model.NetworkNode;
import bridgemap.model.NetworkSnapshot;
import bridgemap.model.NodeType;
import bridgemap.model.Sector;
import bridgemap.model.Tally;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What each criminal-justice setting's routes to health rest on, by structure and by people.
 *
 * <p>Definition ({@code docs/analysis.md}, "Routes to health"): for each criminal-justice setting S in the referral
 * graph, <i>by structure</i> the broker cut with S alone as the source and the health nodes as the sink
 * ({@link BrokerCut}): {@code direct} when S refers to health itself, {@code sole_bridge} when one node lies on
 * every route, {@code several_brokers}, or {@code no_route}; <i>by people</i>, from {@link RoutesToHealth}, the
 * people S's chains took to health, those S referred there itself, and the other node that carried most of the
 * rest. Settings come by status (no route, sole bridge, several brokers, direct), then name.
 *
 * <p>O(n + m) to build the graph's arrays once, then one cut per setting: O(c · (n + m)) each, c its size.
 */
public final class EntryRoutes {

    private EntryRoutes() {}

    /** The routes to health of every criminal-justice setting of {@code referrals}. */
    public static List<EntryRoute> compute(ReferralGraph referrals, NetworkSnapshot snapshot, RoutesToHealth routes) {
        Objects.requireNonNull(referrals, "referrals");
        Objects.requireNonNull(snapshot, "snapshot");
        Objects.requireNonNull(routes, "routes");
        final int entry = 0;
        final int health = 1;
        final int other = 2;
        Map<String, String> boroughNames = new HashMap<>();
        for (Borough b : snapshot.boroughs()) {
            boroughNames.put(b.id(), b.name());
        }
        int[] sectors = referrals.sectorGroups();
        List<EntryRoute> result = new ArrayList<>();
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
            Map<String, Set<Case>> carriers = routes.carriers(node.id());
            Tally people = RoutesToHealth.tally(routes.people(node.id()));
            Tally direct = RoutesToHealth.tally(carriers.getOrDefault(node.id(), Set.of()));
            Optional<String> main = routes.mainBroker(node.id());
            int vertex = main.map(referrals::vertex).orElse(-1);
            result.add(new EntryRoute(node, boroughNames.get(node.boroughId()), status, through, people, direct,
                    vertex < 0 ? null : referrals.node(vertex),
                    main.map(id -> RoutesToHealth.tally(carriers.get(id))).orElse(Tally.ZERO)));
        }
        result.sort(Comparator.comparingInt((EntryRoute r) -> statusOrder(r.status())).thenComparing(r -> r.entry().name()));
        return result;
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
