package bridgemap.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bridgemap.analysis.DemoSnapshots;
import bridgemap.analysis.bottlenecks.BottleneckAnalysis;
import bridgemap.analysis.bottlenecks.BottlenecksResult;
import bridgemap.analysis.bottlenecks.BottlenecksResult.NodeMeasures;
import bridgemap.graph.ReferralEdge;
import bridgemap.graph.ReferralGraph;
import bridgemap.model.NetworkSnapshot;
import java.io.StringReader;
import java.io.StringWriter;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jgrapht.Graph;
import org.jgrapht.graph.DefaultWeightedEdge;
import org.jgrapht.graph.builder.GraphTypeBuilder;
import org.jgrapht.nio.Attribute;
import org.jgrapht.nio.BaseEventDrivenImporter;
import org.jgrapht.nio.GraphImporter;
import org.jgrapht.nio.gexf.SimpleGEXFImporter;
import org.jgrapht.nio.graphml.GraphMLImporter;
import org.jgrapht.util.SupplierUtil;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The demo's referral graph written as GraphML and GEXF and read back with jgrapht-io's own importers: the
 * same nodes, edges, weights and attributes as the analysis computed, every attribute declared with its type.
 */
class NetworkFilesTest {

    private static ReferralGraph referrals;
    private static BottlenecksResult bottlenecks;

    @BeforeAll
    static void demo() {
        NetworkSnapshot snapshot = DemoSnapshots.asOf(LocalDate.of(2014, 6, 30));
        referrals = ReferralGraph.of(snapshot);
        bottlenecks = BottleneckAnalysis.compute(snapshot, null);
    }

    /** What an importer read: the graph (weighted by the file's weights) and every attribute by element. */
    private record ReadBack(Graph<String, DefaultWeightedEdge> graph, Map<String, Map<String, Attribute>> nodes,
            Map<DefaultWeightedEdge, Map<String, Attribute>> edges) {}

    private static <I extends BaseEventDrivenImporter<String, DefaultWeightedEdge> & GraphImporter<String, DefaultWeightedEdge>>
            ReadBack read(I importer, String text) {
        Graph<String, DefaultWeightedEdge> graph = GraphTypeBuilder.<String, DefaultWeightedEdge>directed()
                .allowingMultipleEdges(false).allowingSelfLoops(false).weighted(true)
                .edgeSupplier(SupplierUtil.createDefaultWeightedEdgeSupplier()).buildGraph();
        Map<String, Map<String, Attribute>> nodes = new HashMap<>();
        Map<DefaultWeightedEdge, Map<String, Attribute>> edges = new HashMap<>();
        importer.addVertexAttributeConsumer((p, a) -> nodes.computeIfAbsent(p.getFirst(), k -> new HashMap<>()).put(p.getSecond(), a));
        importer.addEdgeAttributeConsumer((p, a) -> edges.computeIfAbsent(p.getFirst(), k -> new HashMap<>()).put(p.getSecond(), a));
        importer.importGraph(graph, new StringReader(text));
        return new ReadBack(graph, nodes, edges);
    }

    private static void sameAsTheAnalysis(ReadBack back) {
        assertEquals(bottlenecks.graph().nodes(), back.graph().vertexSet().size());
        assertEquals(bottlenecks.graph().edges(), back.graph().edgeSet().size());
        for (NodeMeasures m : bottlenecks.nodes()) {
            Map<String, Attribute> a = back.nodes().get(m.node().id());
            String id = m.node().id();
            assertEquals(m.node().name(), a.get("label").getValue(), id);
            assertEquals(m.node().sector().code(), a.get("sector").getValue(), id);
            assertEquals(m.node().kind(), a.get("kind").getValue(), id);
            assertEquals(m.node().type().code(), a.get("type").getValue(), id);
            assertEquals(m.node().boroughId(), a.containsKey("borough") ? a.get("borough").getValue() : null, id);
            assertEquals(m.betweenness(), Double.parseDouble(a.get("betweenness").getValue()), id);
            assertEquals(m.articulationPoint(), Boolean.parseBoolean(a.get("articulation_point").getValue()), id);
            assertEquals(m.brokerage().liaison(), Long.parseLong(a.get("liaison").getValue()), id);
            assertEquals(m.brokerage().gatekeeper(), Long.parseLong(a.get("gatekeeper").getValue()), id);
            assertEquals(m.brokerage().total(), Long.parseLong(a.get("brokerage_total").getValue()), id);
            assertEquals(m.referralsOut().value(), Long.parseLong(a.get("referrals_out").getValue()), id);
            assertEquals(m.constraint(), a.containsKey("constraint") ? Double.valueOf(a.get("constraint").getValue()) : null, id);
        }
        Graph<Integer, ReferralEdge> g = referrals.graph();
        long weights = 0;
        for (ReferralEdge e : g.edgeSet()) {
            String source = referrals.node(g.getEdgeSource(e)).id();
            String target = referrals.node(g.getEdgeTarget(e)).id();
            DefaultWeightedEdge read = back.graph().getEdge(source, target);
            assertEquals(e.referrals(), back.graph().getEdgeWeight(read), source + " → " + target);
            Map<String, Attribute> a = back.edges().get(read);
            assertEquals(e.accepted(), Integer.parseInt(a.get("accepted").getValue()));
            assertEquals(e.declined(), Integer.parseInt(a.get("declined").getValue()));
            assertEquals(e.noResponse(), Integer.parseInt(a.get("no_response").getValue()));
            weights += (long) back.graph().getEdgeWeight(read);
        }
        assertEquals(bottlenecks.graph().referrals().value(), weights);
    }

    @Test
    void graphmlDeclaresEveryAttributeWithItsTypeAndReadsBackAsTheAnalysis() {
        StringWriter out = new StringWriter();
        NetworkFiles.graphml(referrals, bottlenecks, out);
        String text = out.toString();
        Map<String, String> declared = new HashMap<>();
        Matcher keys = Pattern.compile("<key [^>]*for=\"(node|edge)\" attr.name=\"([a-z_]+)\" attr.type=\"([a-z]+)\"").matcher(text);
        while (keys.find()) {
            declared.put(keys.group(1) + ":" + keys.group(2), keys.group(3));
        }
        assertEquals("string", declared.get("node:label"));
        assertEquals("string", declared.get("node:sector"));
        assertEquals("double", declared.get("node:betweenness"));
        assertEquals("boolean", declared.get("node:articulation_point"));
        assertEquals("long", declared.get("node:liaison"));
        assertEquals("double", declared.get("edge:weight"));
        assertEquals("int", declared.get("edge:no_response"));
        assertEquals(17 + 1 + 6 + 1, declared.size(), declared.toString());
        assertTrue(text.contains("edgedefault=\"directed\""));

        GraphMLImporter<String, DefaultWeightedEdge> importer = new GraphMLImporter<>();
        importer.setVertexFactory(id -> id);
        importer.setSchemaValidation(false);
        sameAsTheAnalysis(read(importer, text));
    }

    @Test
    void gexfDeclaresEveryAttributeWithItsTypeAndReadsBackAsTheAnalysis() {
        StringWriter out = new StringWriter();
        NetworkFiles.gexf(referrals, bottlenecks, "test", out);
        String text = out.toString();
        assertTrue(text.contains("<attributes class=\"node\">"));
        assertTrue(Pattern.compile("<attribute id=\"\\d+\" title=\"betweenness\" type=\"double\"").matcher(text).find(), text.substring(0, 2000));
        assertTrue(Pattern.compile("<attribute id=\"\\d+\" title=\"articulation_point\" type=\"boolean\"").matcher(text).find());
        assertTrue(text.contains("defaultedgetype=\"directed\""));
        assertFalse(text.contains("title=\"label\""), "label is the node's own attribute in GEXF");

        SimpleGEXFImporter<String, DefaultWeightedEdge> importer = new SimpleGEXFImporter<>();
        importer.setVertexFactory(id -> id);
        importer.setSchemaValidation(false);
        sameAsTheAnalysis(read(importer, text));
    }
}
