package bridgemap.api;

import bridgemap.service.AnalysisService;
import bridgemap.app.BridgemapApp;
import bridgemap.service.NetworkAggregate;
import bridgemap.service.NetworkView;
import bridgemap.model.NetworkSnapshot;
import bridgemap.model.Vocabulary;
import bridgemap.service.NodeDetail;
import bridgemap.model.CasePathway;
import bridgemap.model.Sector;
import bridgemap.model.Tally;
import io.javalin.http.Context;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The network in Cytoscape.js's element format ({@code GET /api/network}), a node with its neighbours
 * ({@code GET /api/nodes/{id}}), the agencies by name ({@code GET /api/agencies}), the boroughs with their map tiles ({@code GET /api/boroughs}) and one
 * case's pathway ({@code GET /api/cases/{id}/pathway}).
 */
final class NetworkRoutes {

    /** Cytoscape.js elements: {@code {nodes: [{data: …}], edges: [{data: …}]}}. */
    record Elements(List<Element<NodeData>> nodes, List<Element<EdgeData>> edges) {}

    record Element<T>(T data) {}

    record NodeData(String id, String label, String type, Sector sector, String kind, String boroughId,
            double betweenness, boolean articulationPoint, long brokerage, Tally referralsIn, Tally referralsOut) {}

    record EdgeData(String id, String source, String target, Tally referrals, Tally accepted, Tally declined,
            Tally noResponse, Tally withdrawn, Tally pending) {}

    /** The node-level network; {@code level} is always {@code node} (the aggregated levels: {@link NetworkAggregate}). */
    record Network(LocalDate asOf, String boroughId, Sector sector, int nodeCount, int edgeCount, Elements elements) {
        @com.fasterxml.jackson.annotation.JsonProperty("level")
        String level() {
            return "node";
        }
    }

    record BoroughTile(String id, String name, String region, LondonTiles.Tile tile) {}

    private final AnalysisService analysis;
    private final LondonTiles tiles;
    private final PreparedAnswers answers;

    NetworkRoutes(BridgemapApp app, LondonTiles tiles, PreparedAnswers answers) {
        this.analysis = app.analysis();
        this.tiles = tiles;
        this.answers = answers;
    }

    /**
     * The network at the {@code level} asked for: every node (no level, or {@code node}); grouped by region, by
     * borough of a {@code region}, or by organisation of a {@code borough} ({@link NetworkAggregate}); or {@code auto}:
     * every node when there are at most {@link NetworkAggregate#NODE_LEVEL_MAX}, else the regions.
     */
    void network(Context ctx) {
        Sector sector = Params.sector(ctx);
        String level = Params.level(ctx);
        AnalysisService.Scope scope = Params.scope(ctx, analysis);
        if (level == null || level.equals("node")) {
            NetworkView view = analysis.network(scope, sector);
            Responses.cached(ctx, answers, view, () -> elements(view));
            return;
        }
        String region = Params.region(ctx);
        NetworkView whole = analysis.network(new AnalysisService.Scope(scope.asOf(), null), sector);
        NetworkAggregate.Level grouped;
        if (level.equals("auto")) {
            if (whole.nodes().size() <= NetworkAggregate.NODE_LEVEL_MAX) {
                Responses.cached(ctx, answers, whole, () -> elements(whole));
                return;
            }
            grouped = NetworkAggregate.Level.REGION;
        } else {
            grouped = Vocabulary.parse(NetworkAggregate.Level.class, level).orElseThrow();
        }
        NetworkSnapshot snapshot = analysis.snapshot(scope.asOf());
        String focusBorough = grouped == NetworkAggregate.Level.ORGANISATION ? scope.borough() : null;
        String focusRegion = grouped == NetworkAggregate.Level.REGION ? null : region;
        // Checked before the cache so that a bad region or borough is a 400 every time.
        String focus = NetworkAggregate.focus(snapshot, grouped, focusRegion, focusBorough);
        Responses.cached(ctx, answers, whole, "level=" + grouped.code() + "&region=" + focus + "&borough="
                + focusBorough, () -> NetworkAggregate.of(whole, snapshot, grouped, focusRegion, focusBorough));
    }

    private static Network elements(NetworkView view) {
        List<Element<NodeData>> nodes = new ArrayList<>();
        for (NetworkView.Node n : view.nodes()) {
            var node = n.node();
            nodes.add(new Element<>(new NodeData(node.id(), node.name(), node.type().code(), node.sector(), node.kind(),
                    node.boroughId(), n.betweenness(), n.articulationPoint(), n.brokerage(), n.referralsIn(),
                    n.referralsOut())));
        }
        List<Element<EdgeData>> edges = new ArrayList<>();
        for (NetworkView.Edge e : view.edges()) {
            edges.add(new Element<>(new EdgeData(e.source() + "->" + e.target(), e.source(), e.target(), e.referrals(),
                    e.accepted(), e.declined(), e.noResponse(), e.withdrawn(), e.pending())));
        }
        return new Network(view.asOf(), view.boroughId(), view.sector(), nodes.size(), edges.size(),
                new Elements(nodes, edges));
    }

    /** {@code GET /api/agencies?asOf=}: the agencies of the day by name, a few KB where the network is megabytes. */
    void agencies(Context ctx) {
        Responses.cached(ctx, answers, analysis.agencies(Params.asOf(ctx, analysis)));
    }

    void boroughs(Context ctx) {
        var snapshot = analysis.snapshot(analysis.defaultAsOf());
        Responses.json(ctx, snapshot.boroughs().stream()
                .map(b -> new BoroughTile(b.id(), b.name(), b.region(), tiles.of(b.id()).orElse(null)))
                .toList());
    }

    void node(Context ctx) {
        NodeDetail detail = analysis.node(ctx.pathParam("id"), Params.asOf(ctx, analysis));
        Responses.cached(ctx, answers, detail);
    }

    void pathway(Context ctx) {
        CasePathway pathway = analysis.pathway(ctx.pathParam("id"), Params.asOf(ctx));
        Responses.auditRows(ctx, pathway.steps().size());
        Responses.json(ctx, pathway);
    }
}
