package bridgemap.service;

import bridgemap.model.Borough;
import bridgemap.model.NetworkNode;
import bridgemap.model.NetworkSnapshot;
import bridgemap.model.Placement;
import bridgemap.model.Practitioner;
import bridgemap.model.Sector;
import bridgemap.model.Service;
import bridgemap.model.Setting;
import bridgemap.model.Tally;
import bridgemap.model.Vocabulary;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * The referral graph grouped for drawing at scale (issue 17): region → borough → organisation. Each node of a
 * {@link NetworkView} is placed in exactly one region, borough and organisation, so every referral of the view is
 * counted exactly once, either within a group or on one edge between two groups:
 * <ul>
 *   <li>a setting stands in its borough and belongs to the agency that runs it; a service belongs to the agency that
 *       offers it, a practitioner to their employer, an agency to itself;</li>
 *   <li>its boroughs are the setting's own, the boroughs a service serves, the boroughs of a practitioner's placed
 *       settings, and for an agency those of its settings and services (a node with none takes its organisation's:
 *       a practitioner not placed stands where their employer does); a node with one borough stands in it, a node
 *       with several in one region stands "across boroughs" of that region, a node spanning regions (or with none)
 *       "across regions".</li>
 * </ul>
 * At {@link Level#REGION} the groups are the regions; at {@link Level#BOROUGH} the boroughs of one region, with every
 * other region one group; at {@link Level#ORGANISATION} the organisations of one borough (or of one region's
 * across-boroughs group), with the rest of its region by borough and every other region one group. Each group says
 * how to drill down ({@link Group#drill}). O(N + E) for a view of N nodes and E edges.
 *
 * @param nodeCount nodes of the whole view (a page draws the view itself when it is small, {@link #NODE_LEVEL_MAX})
 * @param edgeCount edges of the whole view
 * @param referrals every referral of the view: the sum of each group's {@code referralsWithin} and each edge's
 *     {@code referrals}
 */
public record NetworkAggregate(LocalDate asOf, Sector sector, Level level, String region, String boroughId,
        String focusName, int nodeCount, int edgeCount, Tally referrals, List<Group> groups, List<GroupEdge> edges) {

    /** Above this many nodes, the network page starts at the regions instead of drawing every node. */
    public static final int NODE_LEVEL_MAX = 500;

    /** The id and name of the group of nodes spanning regions (or standing in none). */
    public static final String ACROSS_REGIONS = "across regions";

    public NetworkAggregate {
        Objects.requireNonNull(level, "level");
        groups = List.copyOf(groups);
        edges = List.copyOf(edges);
    }

    /** How far the graph is grouped. */
    public enum Level implements Vocabulary {
        REGION, BOROUGH, ORGANISATION;

        @Override
        public String code() {
            return Vocabulary.codeOf(this);
        }
    }

    /**
     * One group of nodes: {@code kind} region, borough or organisation; {@code region} and {@code boroughId} where it
     * stands (a borough id, or null across boroughs); {@code drill} what opens it one level down, null when there is
     * nothing below.
     */
    public record Group(String id, String name, String kind, String region, String boroughId, int nodes,
            Tally referralsWithin, Tally referralsOut, Tally referralsIn, Drill drill) {}

    /**
     * The parameters of {@code GET /api/network} that open a group: {@code level} borough (with {@code region}),
     * organisation (with {@code borough}, or {@code region} for its across-boroughs group), or node for the
     * node-level view of {@code borough}.
     */
    public record Drill(String level, String region, String borough) {}

    /** Referrals from one group to another, and how many of them were accepted. */
    public record GroupEdge(String id, String source, String target, Tally referrals, Tally accepted) {}

    /** Where a node stands: its region (or {@link #ACROSS_REGIONS}), its borough (null across boroughs), its organisation. */
    record Place(String region, String boroughId, String organisationId) {}

    /**
     * Groups {@code view} (drawn from {@code snapshot}) at {@code level}: for {@link Level#BOROUGH} inside
     * {@code region}; for {@link Level#ORGANISATION} inside {@code boroughId}, or when that is null inside the
     * across-boroughs group of {@code region}.
     *
     * @throws InvalidInputException naming {@code region} or {@code borough} when the level needs one that is missing
     *     or unknown
     */
    public static NetworkAggregate of(NetworkView view, NetworkSnapshot snapshot, Level level, String region,
            String boroughId) {
        Objects.requireNonNull(view, "view");
        String focusRegion = focus(snapshot, level, region, boroughId);
        Map<String, Borough> boroughs = new LinkedHashMap<>();
        snapshot.boroughs().forEach(b -> boroughs.put(b.id(), b));
        Map<String, Place> places = places(snapshot, boroughs);

        Map<String, GroupBuilder> groups = new LinkedHashMap<>();
        Map<String, String> groupOf = new HashMap<>();
        for (NetworkView.Node n : view.nodes()) {
            Place place = places.getOrDefault(n.node().id(), new Place(ACROSS_REGIONS, null, n.node().id()));
            GroupBuilder g = groups.computeIfAbsent(groupId(level, focusRegion, boroughId, place),
                    id -> new GroupBuilder(id, boroughId, place, snapshot, boroughs));
            g.nodes++;
            groupOf.put(n.node().id(), g.id);
        }
        Map<String, GroupEdgeBuilder> edges = new LinkedHashMap<>();
        Tally total = Tally.ZERO;
        for (NetworkView.Edge e : view.edges()) {
            total = total.plus(e.referrals());
            GroupBuilder from = groups.get(groupOf.get(e.source()));
            GroupBuilder to = groups.get(groupOf.get(e.target()));
            if (from == to) {
                from.within = from.within.plus(e.referrals());
                continue;
            }
            from.out = from.out.plus(e.referrals());
            to.in = to.in.plus(e.referrals());
            GroupEdgeBuilder edge = edges.computeIfAbsent(from.id + "->" + to.id, id -> new GroupEdgeBuilder(id, from.id, to.id));
            edge.referrals = edge.referrals.plus(e.referrals());
            edge.accepted = edge.accepted.plus(e.accepted());
        }
        List<Group> grouped = groups.values().stream().map(GroupBuilder::build)
                .sorted(Comparator.comparing(Group::kind).thenComparing(Group::name)).toList();
        List<GroupEdge> joined = edges.values().stream()
                .map(e -> new GroupEdge(e.id, e.source, e.target, e.referrals, e.accepted)).toList();
        String focusName = switch (level) {
            case REGION -> "England";
            case BOROUGH -> focusRegion;
            case ORGANISATION -> boroughId == null ? "across boroughs of " + focusRegion : boroughs.get(boroughId).name();
        };
        return new NetworkAggregate(view.asOf(), view.sector(), level, level == Level.REGION ? null : focusRegion,
                level == Level.ORGANISATION ? boroughId : null, focusName, view.nodes().size(), view.edges().size(), total,
                grouped, joined);
    }

    /**
     * The region a grouping at {@code level} opens: {@code region}, or {@code boroughId}'s at
     * {@link Level#ORGANISATION}; null at {@link Level#REGION}. O(boroughs): a request is checked with it before its
     * cached answer is looked up.
     *
     * @throws InvalidInputException naming {@code region} or {@code borough} when the level needs one that is missing
     *     or unknown
     */
    public static String focus(NetworkSnapshot snapshot, Level level, String region, String boroughId) {
        Objects.requireNonNull(snapshot, "snapshot");
        Objects.requireNonNull(level, "level");
        if (level == Level.REGION) {
            return null;
        }
        Set<String> regions = new TreeSet<>();
        snapshot.boroughs().forEach(b -> regions.add(regionOf(b)));
        String focusRegion = region;
        if (level == Level.ORGANISATION && boroughId != null) {
            Borough b = snapshot.boroughs().stream().filter(x -> x.id().equals(boroughId)).findFirst()
                    .orElseThrow(() -> new InvalidInputException("borough", "unknown borough \"" + boroughId + "\""));
            focusRegion = regionOf(b);
        }
        if (focusRegion == null) {
            throw new InvalidInputException("region", "level=" + level.code() + " needs a region"
                    + (level == Level.ORGANISATION ? " or a borough" : "") + " to open");
        }
        if (!regions.contains(focusRegion) && !focusRegion.equals(ACROSS_REGIONS)) {
            throw new InvalidInputException("region", "unknown region \"" + focusRegion + "\" (expected one of: "
                    + String.join(", ", regions) + ")");
        }
        return focusRegion;
    }

    private static String regionOf(Borough b) {
        return b.region() == null || b.region().isBlank() ? ACROSS_REGIONS : b.region();
    }

    private static String groupId(Level level, String focusRegion, String focusBorough, Place place) {
        String regionGroup = "region:" + place.region();
        if (level == Level.REGION || !place.region().equals(focusRegion)) {
            return regionGroup;
        }
        String boroughGroup = "borough:" + (place.boroughId() == null ? "*" + place.region() : place.boroughId());
        if (level == Level.BOROUGH || !Objects.equals(place.boroughId(), focusBorough)) {
            return boroughGroup;
        }
        return "organisation:" + place.organisationId();
    }

    /** Every node's place, by id. */
    static Map<String, Place> places(NetworkSnapshot snapshot, Map<String, Borough> boroughs) {
        Map<String, Set<String>> boroughsOf = new HashMap<>();
        Map<String, String> organisationOf = new HashMap<>();
        Map<String, Setting> settings = new HashMap<>();
        for (Setting s : snapshot.settings()) {
            settings.put(s.id(), s);
            organisationOf.put(s.id(), s.runById() == null ? s.id() : s.runById());
            Set<String> own = boroughsOf.computeIfAbsent(s.id(), id -> new TreeSet<>());
            if (s.boroughId() != null) {
                own.add(s.boroughId());
                if (s.runById() != null) {
                    boroughsOf.computeIfAbsent(s.runById(), id -> new TreeSet<>()).add(s.boroughId());
                }
            }
        }
        for (Service s : snapshot.services()) {
            organisationOf.put(s.id(), s.agencyId() == null ? s.id() : s.agencyId());
            boroughsOf.computeIfAbsent(s.id(), id -> new TreeSet<>()).addAll(s.boroughIds());
            if (s.agencyId() != null) {
                boroughsOf.computeIfAbsent(s.agencyId(), id -> new TreeSet<>()).addAll(s.boroughIds());
            }
        }
        for (Practitioner p : snapshot.practitioners()) {
            organisationOf.put(p.id(), p.employerId() == null ? p.id() : p.employerId());
            boroughsOf.computeIfAbsent(p.id(), id -> new TreeSet<>());
        }
        for (Placement placement : snapshot.placements()) {
            Setting s = settings.get(placement.settingId());
            if (s != null && s.boroughId() != null) {
                boroughsOf.computeIfAbsent(placement.practitionerId(), id -> new TreeSet<>()).add(s.boroughId());
            }
        }
        Map<String, Place> places = new HashMap<>();
        for (NetworkNode node : snapshot.nodes().values()) {
            String organisation = organisationOf.getOrDefault(node.id(), node.id());
            Set<String> own = boroughsOf.getOrDefault(node.id(), Set.of());
            if (own.isEmpty()) {
                own = boroughsOf.getOrDefault(organisation, Set.of()); // e.g. a practitioner not placed: their employer's
            }
            Set<String> ownRegions = new TreeSet<>();
            own.forEach(b -> ownRegions.add(boroughs.containsKey(b) ? regionOf(boroughs.get(b)) : ACROSS_REGIONS));
            String region = ownRegions.size() == 1 ? ownRegions.iterator().next() : ACROSS_REGIONS;
            String borough = own.size() == 1 && boroughs.containsKey(own.iterator().next()) ? own.iterator().next() : null;
            places.put(node.id(), new Place(region, borough, organisation));
        }
        return places;
    }

    private static final class GroupBuilder {
        final String id;
        final String name;
        final String kind;
        final String region;
        final String boroughId;
        final Drill drill;
        int nodes;
        Tally within = Tally.ZERO;
        Tally out = Tally.ZERO;
        Tally in = Tally.ZERO;

        GroupBuilder(String id, String focusBorough, Place place,
                NetworkSnapshot snapshot, Map<String, Borough> boroughs) {
            this.id = id;
            this.region = place.region();
            if (id.startsWith("region:")) {
                kind = "region";
                boroughId = null;
                name = place.region().equals(ACROSS_REGIONS) ? "Across regions" : place.region();
                // Nodes spanning regions have no boroughs to open: straight to their organisations.
                drill = place.region().equals(ACROSS_REGIONS) ? new Drill("organisation", ACROSS_REGIONS, null)
                        : new Drill("borough", place.region(), null);
            } else if (id.startsWith("borough:")) {
                kind = "borough";
                boroughId = place.boroughId();
                name = boroughId == null ? "Across boroughs of " + place.region() : boroughs.get(boroughId).name();
                drill = new Drill("organisation", place.region(), boroughId);
            } else {
                kind = "organisation";
                boroughId = focusBorough;
                NetworkNode organisation = snapshot.nodes().get(place.organisationId());
                name = organisation == null ? place.organisationId() : organisation.name();
                drill = focusBorough == null ? null : new Drill("node", place.region(), focusBorough);
            }
        }

        Group build() {
            return new Group(id, name, kind, region, boroughId, nodes, within, out, in, drill);
        }
    }

    private static final class GroupEdgeBuilder {
        final String id;
        final String source;
        final String target;
        Tally referrals = Tally.ZERO;
        Tally accepted = Tally.ZERO;

        GroupEdgeBuilder(String id, String source, String target) {
            this.id = id;
            this.source = source;
            this.target = target;
        }
    }
}
