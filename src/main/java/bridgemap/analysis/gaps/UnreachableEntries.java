package bridgemap.analysis.gaps;

import bridgemap.analysis.gaps.UnreachableEntriesResult.EntryReach;
import bridgemap.analysis.gaps.UnreachableEntriesResult.UnreachablePair;
import bridgemap.model.Need;
import bridgemap.model.NetworkSnapshot;
import bridgemap.model.Partnership;
import bridgemap.model.Placement;
import bridgemap.model.Practitioner;
import bridgemap.model.Referral;
import bridgemap.model.Service;
import bridgemap.model.Setting;
import bridgemap.model.SettingKind;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Entry settings — police custody, magistrates' courts, Crown Courts — from which no service that could
 * take a need is within reach.
 *
 * <p>Definition ({@code docs/analysis.md}, "Unreachable entries"): for each entry setting E and each need
 * n, whether a service active on D, serving a borough E serves (E's catchment, or the borough it stands in:
 * {@link NetworkSnapshot#boroughsServed()}) and accepting n, is within {@value #MAX_HOPS} hops of E in the
 * <em>reach graph</em>: referral edges in the window, directed u → v; partnerships active
 * on D, both ways; and membership links, both ways: setting – {@code run_by} agency, service – offering
 * agency, practitioner – employer, practitioner – setting where placed on D.
 *
 * <p>Choices: the needs tried are the snapshot's whole need vocabulary; the reach graph is built from
 * every referral in the window, not only the filtered borough's cases, so a borough filter selects entry
 * settings (those serving the borough) and leaves each setting's answer as it is in the unfiltered run; membership links are those of
 * services active on D and practitioners in post on D (placements active on D).
 *
 * <p>Breadth-first search to depth 3 from each entry setting: O(e·(V + M) + e·k·s) in the worst case for
 * e entry settings, V nodes and M edges of the reach graph, k needs and s services.
 */
public final class UnreachableEntries {

    /** Setting kinds where people enter the system. */

    /** How far a service may be from the entry setting, in edges. */
    public static final int MAX_HOPS = 3;

    private UnreachableEntries() {}

    /**
     * Reachability of an accepting service from every entry setting, or from one borough's.
     *
     * @throws IllegalArgumentException when the filter names a borough the snapshot does not have
     */
    public static UnreachableEntriesResult compute(NetworkSnapshot snapshot, String boroughFilter) {
        Objects.requireNonNull(snapshot, "snapshot");
        AsOfRules.requireBorough(snapshot, boroughFilter);
        return ofCheckedFilter(snapshot, boroughFilter);
    }

    /** As {@link #compute}, for a filter the caller has already checked. */
    static UnreachableEntriesResult ofCheckedFilter(NetworkSnapshot snapshot, String boroughFilter) {
        Map<String, Set<String>> graph = reachGraph(snapshot);
        List<Service> services = AsOfRules.activeServices(snapshot);
        List<String> needs = snapshot.needs().stream().map(Need::id).distinct().toList();

        Map<String, List<String>> served = snapshot.boroughsServed();
        List<Setting> entries = snapshot.settings().stream()
                .filter(s -> s.kind().isEntry())
                .filter(s -> boroughFilter == null || served.get(s.id()).contains(boroughFilter))
                .toList();
        List<EntryReach> rows = new ArrayList<>();
        for (Setting entry : entries) {
            Set<String> reached = within(graph, entry.id(), MAX_HOPS);
            List<String> catchment = served.get(entry.id());
            List<String> unreachable = new ArrayList<>();
            for (String need : needs) {
                boolean reachable = services.stream().anyMatch(s -> reached.contains(s.id())
                        && s.boroughIds().stream().anyMatch(catchment::contains) && s.accepts().contains(need));
                if (!reachable) {
                    unreachable.add(need);
                }
            }
            rows.add(new EntryReach(snapshot.node(entry.id()), AsOfRules.boroughName(snapshot, entry.boroughId()),
                    needs.size(), unreachable.size(), unreachable));
        }
        rows.sort(Comparator.comparing(EntryReach::unreachableCount, Comparator.reverseOrder())
                .thenComparing(EntryReach::boroughName)
                .thenComparing(r -> r.setting().name())
                .thenComparing(r -> r.setting().id()));
        List<UnreachablePair> pairs = rows.stream()
                .flatMap(r -> r.unreachableNeeds().stream().map(n -> new UnreachablePair(r.setting(), n)))
                .toList();
        return new UnreachableEntriesResult(rows, pairs);
    }

    /** The reach graph as successor sets; undirected links are stored both ways. */
    static Map<String, Set<String>> reachGraph(NetworkSnapshot snapshot) {
        Map<String, Set<String>> graph = new HashMap<>();
        for (Referral referral : snapshot.referrals()) {
            if (AsOfRules.inWindow(snapshot, referral)) {
                arc(graph, referral.fromId(), referral.toId());
            }
        }
        for (Partnership partnership : snapshot.partnerships()) {
            if (partnership.period().contains(snapshot.asOf())) {
                link(graph, partnership.fromId(), partnership.toId());
            }
        }
        for (Setting setting : snapshot.settings()) {
            if (setting.runById() != null) {
                link(graph, setting.id(), setting.runById());
            }
        }
        for (Service service : AsOfRules.activeServices(snapshot)) {
            link(graph, service.id(), service.agencyId());
        }
        Set<String> inPost = new HashSet<>();
        for (Practitioner practitioner : snapshot.practitioners()) {
            if (practitioner.period().contains(snapshot.asOf())) {
                inPost.add(practitioner.id());
                link(graph, practitioner.id(), practitioner.employerId());
            }
        }
        for (Placement placement : snapshot.placements()) {
            if (placement.period().contains(snapshot.asOf()) && inPost.contains(placement.practitionerId())) {
                link(graph, placement.practitionerId(), placement.settingId());
            }
        }
        return graph;
    }

    /** The nodes within {@code maxHops} edges of {@code start}, itself included (iterative breadth-first search). */
    static Set<String> within(Map<String, Set<String>> graph, String start, int maxHops) {
        Map<String, Integer> depth = new HashMap<>();
        depth.put(start, 0);
        ArrayDeque<String> queue = new ArrayDeque<>();
        queue.add(start);
        while (!queue.isEmpty()) {
            String node = queue.poll();
            int d = depth.get(node);
            if (d == maxHops) {
                continue;
            }
            for (String next : graph.getOrDefault(node, Set.of())) {
                if (depth.putIfAbsent(next, d + 1) == null) {
                    queue.add(next);
                }
            }
        }
        return depth.keySet();
    }

    private static void arc(Map<String, Set<String>> graph, String from, String to) {
        graph.computeIfAbsent(from, k -> new LinkedHashSet<>()).add(to);
    }

    private static void link(Map<String, Set<String>> graph, String a, String b) {
        arc(graph, a, b);
        arc(graph, b, a);
    }
}
