package bridgemap.report;

import bridgemap.analysis.bottlenecks.BottlenecksResult;
import bridgemap.analysis.bottlenecks.BottlenecksResult.NodeMeasures;
import bridgemap.graph.ReferralEdge;
import bridgemap.graph.ReferralGraph;
import bridgemap.model.NetworkNode;
import java.io.Writer;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.jgrapht.Graph;
import org.jgrapht.graph.builder.GraphTypeBuilder;
import org.jgrapht.nio.Attribute;
import org.jgrapht.nio.AttributeType;
import org.jgrapht.nio.DefaultAttribute;
import org.jgrapht.nio.gexf.GEXFAttributeType;
import org.jgrapht.nio.gexf.GEXFExporter;
import org.jgrapht.nio.graphml.GraphMLExporter;

/**
 * The referral graph with every node's bottleneck measures, as GraphML or GEXF written by jgrapht-io, for
 * Gephi, yEd, Cytoscape or NetworkX. Nodes are keyed by Bridgemap id and carry {@code label} (the name),
 * type, sector, kind, borough, betweenness, the articulation-point flag, the five Gould–Fernandez brokerage
 * counts and their total, Burt's effective size and constraint, referrals out and in, and referrals per FTE;
 * edges carry {@code weight} (referrals in the window) and the count of each outcome. Every attribute is
 * declared with its type ({@code <key attr.type=…>} in GraphML, {@code <attribute type=…>} in GEXF); one a
 * node does not have (a practitioner's borough, the constraint of an isolated node) is left out, not zero.
 */
public final class NetworkFiles {

    /** A node attribute: its name, its type, and its value for a node (null: not written). */
    private record NodeColumn(String name, AttributeType type, Function<NodeMeasures, Object> value) {}

    /** An edge attribute and its value. */
    private record EdgeColumn(String name, AttributeType type, Function<ReferralEdge, Object> value) {}

    private static final List<NodeColumn> NODE_COLUMNS = List.of(
            new NodeColumn("type", AttributeType.STRING, m -> m.node().type().code()),
            new NodeColumn("sector", AttributeType.STRING, m -> m.node().sector().code()),
            new NodeColumn("kind", AttributeType.STRING, m -> m.node().kind()),
            new NodeColumn("borough", AttributeType.STRING, m -> m.node().boroughId()),
            new NodeColumn("betweenness", AttributeType.DOUBLE, NodeMeasures::betweenness),
            new NodeColumn("articulation_point", AttributeType.BOOLEAN, NodeMeasures::articulationPoint),
            new NodeColumn("coordinator", AttributeType.LONG, m -> m.brokerage().coordinator()),
            new NodeColumn("itinerant", AttributeType.LONG, m -> m.brokerage().itinerant()),
            new NodeColumn("representative", AttributeType.LONG, m -> m.brokerage().representative()),
            new NodeColumn("gatekeeper", AttributeType.LONG, m -> m.brokerage().gatekeeper()),
            new NodeColumn("liaison", AttributeType.LONG, m -> m.brokerage().liaison()),
            new NodeColumn("brokerage_total", AttributeType.LONG, m -> m.brokerage().total()),
            new NodeColumn("effective_size", AttributeType.DOUBLE, NodeMeasures::effectiveSize),
            new NodeColumn("constraint", AttributeType.DOUBLE, NodeMeasures::constraint),
            new NodeColumn("referrals_out", AttributeType.LONG, m -> m.referralsOut().value()),
            new NodeColumn("referrals_in", AttributeType.LONG, m -> m.referralsIn().value()),
            new NodeColumn("referrals_per_fte", AttributeType.DOUBLE,
                    m -> m.referralsPerFte() == null ? null : m.referralsPerFte().value()));

    private static final List<EdgeColumn> EDGE_COLUMNS = List.of(
            new EdgeColumn("referrals", AttributeType.INT, ReferralEdge::referrals),
            new EdgeColumn("accepted", AttributeType.INT, ReferralEdge::accepted),
            new EdgeColumn("declined", AttributeType.INT, ReferralEdge::declined),
            new EdgeColumn("no_response", AttributeType.INT, ReferralEdge::noResponse),
            new EdgeColumn("withdrawn", AttributeType.INT, ReferralEdge::withdrawn),
            new EdgeColumn("pending", AttributeType.INT, ReferralEdge::pending));

    private NetworkFiles() {}

    /** The network as GraphML: {@code <key>} declarations for every attribute, typed; {@code label} and {@code weight} as Gephi reads them. */
    public static void graphml(ReferralGraph referrals, BottlenecksResult bottlenecks, Writer out) {
        Network network = network(referrals, bottlenecks);
        GraphMLExporter<String, ReferralEdge> exporter = new GraphMLExporter<>(id -> id);
        exporter.setExportVertexLabels(true);
        exporter.setVertexLabelAttributeName("label");
        exporter.setExportEdgeWeights(true);
        exporter.setEdgeWeightAttributeName("weight");
        for (NodeColumn c : NODE_COLUMNS) {
            exporter.registerAttribute(c.name(), GraphMLExporter.AttributeCategory.NODE, c.type());
        }
        for (EdgeColumn c : EDGE_COLUMNS) {
            exporter.registerAttribute(c.name(), GraphMLExporter.AttributeCategory.EDGE, c.type());
        }
        exporter.setVertexAttributeProvider(network::nodeAttributes);
        exporter.setEdgeIdProvider(network::edgeId);
        exporter.setEdgeAttributeProvider(NetworkFiles::edgeAttributes);
        exporter.exportGraph(network.graph(), out);
    }

    /** The network as GEXF 1.2: declared node and edge attributes; {@code label} and {@code weight} on the elements. */
    public static void gexf(ReferralGraph referrals, BottlenecksResult bottlenecks, String description, Writer out) {
        Network network = network(referrals, bottlenecks);
        GEXFExporter<String, ReferralEdge> exporter = new GEXFExporter<>(id -> id, network::edgeId);
        exporter.setCreator("Bridgemap");
        exporter.setDescription(description);
        exporter.setParameter(GEXFExporter.Parameter.EXPORT_EDGE_WEIGHTS, true);
        for (NodeColumn c : NODE_COLUMNS) {
            exporter.registerAttribute(c.name(), GEXFExporter.AttributeCategory.NODE, gexfType(c.type()));
        }
        for (EdgeColumn c : EDGE_COLUMNS) {
            exporter.registerAttribute(c.name(), GEXFExporter.AttributeCategory.EDGE, gexfType(c.type()));
        }
        exporter.setVertexAttributeProvider(network::nodeAttributes);
        exporter.setEdgeAttributeProvider(NetworkFiles::edgeAttributes);
        exporter.exportGraph(network.graph(), out);
    }

    private static GEXFAttributeType gexfType(AttributeType type) {
        return switch (type) {
            case BOOLEAN -> GEXFAttributeType.BOOLEAN;
            case INT -> GEXFAttributeType.INTEGER;
            case LONG -> GEXFAttributeType.LONG;
            case FLOAT -> GEXFAttributeType.FLOAT;
            case DOUBLE -> GEXFAttributeType.DOUBLE;
            default -> GEXFAttributeType.STRING;
        };
    }

    /** The graph keyed by node id, weighted by referrals, with each node's measures. */
    private record Network(Graph<String, ReferralEdge> graph, Map<String, NodeMeasures> measures,
            Map<ReferralEdge, String> edgeIds) {

        Map<String, Attribute> nodeAttributes(String id) {
            NodeMeasures m = measures.get(id);
            Map<String, Attribute> attributes = new LinkedHashMap<>();
            attributes.put("label", DefaultAttribute.createAttribute(m.node().name()));
            for (NodeColumn c : NODE_COLUMNS) {
                Object value = c.value().apply(m);
                if (value != null) {
                    attributes.put(c.name(), attribute(value));
                }
            }
            return attributes;
        }

        String edgeId(ReferralEdge e) {
            return edgeIds.get(e);
        }
    }

    private static Map<String, Attribute> edgeAttributes(ReferralEdge e) {
        Map<String, Attribute> attributes = new LinkedHashMap<>();
        for (EdgeColumn c : EDGE_COLUMNS) {
            attributes.put(c.name(), attribute(c.value().apply(e)));
        }
        return attributes;
    }

    private static Attribute attribute(Object value) {
        if (value instanceof Boolean b) {
            return DefaultAttribute.createAttribute(b);
        }
        if (value instanceof Integer i) {
            return DefaultAttribute.createAttribute(i);
        }
        if (value instanceof Long l) {
            return DefaultAttribute.createAttribute(l);
        }
        if (value instanceof Double d) {
            return DefaultAttribute.createAttribute(d);
        }
        return DefaultAttribute.createAttribute(value.toString());
    }

    private static Network network(ReferralGraph referrals, BottlenecksResult bottlenecks) {
        Objects.requireNonNull(referrals, "referrals");
        Objects.requireNonNull(bottlenecks, "bottlenecks");
        Map<String, NodeMeasures> measures = new HashMap<>();
        for (NodeMeasures m : bottlenecks.nodes()) {
            measures.put(m.node().id(), m);
        }
        Graph<String, ReferralEdge> graph = GraphTypeBuilder.<String, ReferralEdge>directed()
                .allowingMultipleEdges(false).allowingSelfLoops(false).weighted(true).buildGraph();
        for (NetworkNode node : referrals.nodes()) {
            if (!measures.containsKey(node.id())) {
                throw new IllegalArgumentException("no measures for node " + node.id() + ": graph and analysis differ");
            }
            graph.addVertex(node.id());
        }
        Map<ReferralEdge, String> edgeIds = new IdentityHashMap<>();
        Graph<Integer, ReferralEdge> g = referrals.graph();
        for (ReferralEdge e : g.edgeSet()) {
            String source = referrals.node(g.getEdgeSource(e)).id();
            String target = referrals.node(g.getEdgeTarget(e)).id();
            graph.addEdge(source, target, e);
            graph.setEdgeWeight(e, e.referrals());
            edgeIds.put(e, "e" + edgeIds.size());
        }
        return new Network(graph, measures, edgeIds);
    }
}
