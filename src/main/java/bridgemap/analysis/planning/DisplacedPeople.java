package bridgemap.analysis.planning;

import bridgemap.analysis.planning.DisplacedResult.Group;
import bridgemap.model.Borough;
import bridgemap.model.Case;
import bridgemap.model.Need;
import bridgemap.model.NetworkNode;
import bridgemap.model.NetworkSnapshot;
import bridgemap.model.NodeType;
import bridgemap.model.Outcome;
import bridgemap.model.Referral;
import bridgemap.model.Sector;
import bridgemap.model.Service;
import bridgemap.model.Tally;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Who a what-if displaces, and whether anything else would take them towards health.
 *
 * <p>Definitions ({@code docs/analysis.md}, "Displaced people"): the displaced people are the in-scope cases with
 * a displaced referral ({@link Displacement}), of the borough under a borough filter, counted by entry setting, by
 * their borough and by each of their needs. The <em>route graph</em> after the change has an arc u → v for each
 * referral in the window that was accepted (displaced referrals never are). A displaced person has <em>another
 * route to health</em> when, in the route graph, a path of one or more arcs leads from their entry setting to a
 * health-sector node that would take them: an agency or a practitioner, or a service active on D that serves the
 * person's borough and accepts one of their needs (any, when they have none). Otherwise they have <em>no other
 * route to health</em>. Their <em>likely next service</em> is, among the services on such paths, the one fewest
 * arcs away; ties: the most accepted referrals into it after the change, then its name and id.
 *
 * <p>The pressure moved ({@link ServicePressure}) follows from the likely next services.
 *
 * <p>One breadth-first search per distinct entry setting: O(e·(V + M) + p·h) for e entry settings, V nodes and M
 * arcs of the route graph, p displaced people and h health nodes reached.
 */
final class DisplacedPeople {

    private DisplacedPeople() {}

    /** What a health node reached from an entry setting is, and how far. */
    private record Reached(NetworkNode node, Service service, int arcs) {}

    static DisplacedResult compute(NetworkSnapshot before, ScenarioApplication.Applied applied, String borough) {
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(applied, "applied");
        NetworkSnapshot after = applied.after();
        Map<String, List<String>> routes = routeGraph(after);
        Map<String, Tally> acceptedInto = ServicePressure.acceptedInto(after, null);
        Map<String, Service> services = new HashMap<>();
        after.services().stream().filter(s -> s.period().contains(after.asOf())).forEach(s -> services.put(s.id(), s));

        Map<String, List<Reached>> reachedFrom = new HashMap<>();
        Tally people = Tally.ZERO;
        Tally withoutRoute = Tally.ZERO;
        Map<String, Tally[]> byEntry = new LinkedHashMap<>();
        Map<String, Tally[]> byBorough = new LinkedHashMap<>();
        Map<String, Tally[]> byNeed = new LinkedHashMap<>();
        Map<String, Tally> arriving = new LinkedHashMap<>();
        for (Case c : after.cases()) {
            String entry = applied.entries().get(c.id());
            if (entry == null || (borough != null && !borough.equals(c.boroughId()))) {
                continue;
            }
            List<Reached> reached = reachedFrom.computeIfAbsent(entry, e -> healthReached(after, routes, services, e));
            List<Reached> taking = reached.stream().filter(r -> takes(r, c)).toList();
            boolean route = !taking.isEmpty();
            int key = c.cellKey();
            people = people.plus(key);
            if (!route) {
                withoutRoute = withoutRoute.plus(key);
            }
            count(byEntry, entry, key, route);
            count(byBorough, c.boroughId(), key, route);
            for (String need : Set.copyOf(c.needIds())) {
                count(byNeed, need, key, route);
            }
            taking.stream().filter(r -> r.service() != null)
                    .min(Comparator.comparingInt(Reached::arcs)
                            .thenComparing((Reached r) -> acceptedInto.getOrDefault(r.node().id(), Tally.ZERO), Comparator.reverseOrder())
                            .thenComparing(r -> r.node().name())
                            .thenComparing(r -> r.node().id()))
                    .ifPresent(r -> arriving.merge(r.node().id(), Tally.of(key), Tally::plus));
        }
        List<Group> entries = groups(byEntry, id -> after.node(id).name(), id -> boroughName(after, after.node(id).boroughId()));
        List<Group> boroughs = groups(byBorough, id -> boroughName(after, id), id -> null);
        Map<String, String> needNames = new HashMap<>();
        for (Need n : after.needs()) {
            needNames.putIfAbsent(n.id(), n.name() == null || n.name().isBlank() ? n.id() : n.name());
        }
        List<Group> needs = groups(byNeed, id -> needNames.getOrDefault(id, id.replace('_', ' ')), id -> null);
        int posts = applied.removedPractitioners().size();
        int closing = applied.closedSettings().size();
        String removed = posts > 0 && closing > 0 ? "posts that end or settings that close"
                : closing > 0 ? "settings that close" : "posts that end";
        List<DisplacedResult.ServiceLoad> pressure = ServicePressure.compute(before, after, borough, arriving, removed);
        return new DisplacedResult(people, withoutRoute, posts, closing, entries, boroughs, needs, pressure,
                sentence(people, withoutRoute, posts, closing, entries));
    }

    /** Arcs u → v of the referrals in the window that were accepted. */
    private static Map<String, List<String>> routeGraph(NetworkSnapshot after) {
        Map<String, List<String>> arcs = new HashMap<>();
        for (Referral r : after.referrals()) {
            if (r.outcome() == Outcome.ACCEPTED && !r.fromId().equals(r.toId())
                    && r.date().isAfter(after.windowStart()) && !r.date().isAfter(after.asOf())) {
                List<String> next = arcs.computeIfAbsent(r.fromId(), k -> new ArrayList<>());
                if (!next.contains(r.toId())) {
                    next.add(r.toId());
                }
            }
        }
        return arcs;
    }

    /** The health-sector nodes a path of one or more arcs leads to from {@code entry} (iterative breadth-first search). */
    private static List<Reached> healthReached(NetworkSnapshot after, Map<String, List<String>> routes,
            Map<String, Service> services, String entry) {
        Map<String, Integer> arcs = new HashMap<>();
        arcs.put(entry, 0);
        ArrayDeque<String> queue = new ArrayDeque<>(List.of(entry));
        List<Reached> reached = new ArrayList<>();
        while (!queue.isEmpty()) {
            String node = queue.poll();
            int d = arcs.get(node);
            for (String next : routes.getOrDefault(node, List.of())) {
                if (arcs.putIfAbsent(next, d + 1) == null) {
                    queue.add(next);
                    NetworkNode n = after.node(next);
                    if (n.sector() == Sector.HEALTH) {
                        reached.add(new Reached(n, n.type() == NodeType.SERVICE ? services.get(next) : null, d + 1));
                    }
                }
            }
        }
        return reached;
    }

    /** Whether a health node reached would take the person: any agency or practitioner; an active service serving them. */
    private static boolean takes(Reached r, Case c) {
        if (r.node().type() != NodeType.SERVICE) {
            return true;
        }
        Service s = r.service();
        return s != null && s.boroughIds().contains(c.boroughId())
                && (c.needIds().isEmpty() || c.needIds().stream().anyMatch(s.accepts()::contains));
    }

    private static void count(Map<String, Tally[]> groups, String id, int key, boolean route) {
        Tally[] n = groups.computeIfAbsent(id, k -> new Tally[] {Tally.ZERO, Tally.ZERO});
        n[0] = n[0].plus(key);
        if (!route) {
            n[1] = n[1].plus(key);
        }
    }

    private static List<Group> groups(Map<String, Tally[]> counts, java.util.function.Function<String, String> name,
            java.util.function.Function<String, String> borough) {
        List<Group> rows = new ArrayList<>();
        counts.forEach((id, n) -> rows.add(new Group(id, name.apply(id), borough.apply(id), n[0], n[1])));
        rows.sort(Comparator.comparing(Group::people, Comparator.reverseOrder()).thenComparing(Group::name).thenComparing(Group::id));
        return rows;
    }

    private static String boroughName(NetworkSnapshot snapshot, String id) {
        return id == null ? null : snapshot.boroughs().stream().filter(b -> b.id().equals(id)).map(Borough::name)
                .findFirst().orElse(id);
    }

    /** "433 people were seen by posts that end: 120 at Wood Green Crown Court, …; 85 of them have no other route to health." */
    static String sentence(Tally people, Tally withoutRoute, int posts, int closing, List<Group> entries) {
        long n = people.value();
        String verb = n == 1 ? "was" : "were";
        String what = posts > 0 && closing > 0 ? verb + " seen by posts that end or came through settings that close"
                : closing > 0 ? "came through settings that close" : verb + " seen by posts that end";
        if (n == 0) {
            return posts == 0 && closing == 0 ? "Nobody is displaced: no post ends and no setting closes."
                    : "Nobody is displaced: nobody in the year " + what.replace("were", "was") + ".";
        }
        StringBuilder s = new StringBuilder(count(n)).append(n == 1 ? " person " : " people ").append(what).append(": ");
        int shown = Math.min(3, entries.size());
        long listed = 0;
        for (int i = 0; i < shown; i++) {
            s.append(i == 0 ? "" : ", ").append(count(entries.get(i).people().value())).append(" at ").append(entries.get(i).name());
            listed += entries.get(i).people().value();
        }
        if (entries.size() > shown) {
            s.append(" and ").append(count(n - listed)).append(" elsewhere");
        }
        long stranded = withoutRoute.value();
        if (n == 1) {
            return s.append(stranded == 1 ? "; they have no other route to health." : "; they have another route to health.")
                    .toString();
        }
        return s.append(stranded == 0 ? "; all of them have another route to health."
                : stranded == n ? "; none of them has another route to health."
                : "; " + count(stranded) + " of them " + (stranded == 1 ? "has" : "have") + " no other route to health.")
                .toString();
    }

    private static String count(long n) {
        return String.format(java.util.Locale.ROOT, "%,d", n);
    }
}
