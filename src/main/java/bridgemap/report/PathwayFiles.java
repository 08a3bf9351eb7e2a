package bridgemap.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jgrapht.Graph;
import org.jgrapht.graph.DefaultDirectedWeightedGraph;
import org.jgrapht.graph.DefaultWeightedEdge;
import org.jgrapht.nio.Attribute;
import org.jgrapht.nio.AttributeType;
import org.jgrapht.nio.DefaultAttribute;
import org.jgrapht.nio.ExportException;
import org.jgrapht.nio.graphml.GraphMLExporter;

/**
 * Research pathways as files for researchers' own tools: CSV tables and a GraphML graph of the pathway types.
 * Both are made from the answer as JSON — the same JSON the caller may see (under disclosure control for a
 * researcher) — so a file carries exactly the figures of the answer and nothing more.
 */
public final class PathwayFiles {

    private PathwayFiles() {}

    /**
     * The CSV sections of a pathways answer: {@code summary}, {@code pathways} (one row a pathway type) and
     * {@code step_days} (one row a step of a type, with the quartiles of its days).
     */
    public static CsvSections pathways(JsonNode answer) {
        CsvSections csv = new CsvSections();
        List<List<Object>> summary = csv.section("summary", "from", "to", "level", "people", "engaged", "dead_ends", "open",
                "days_to_last_referral_lower", "days_to_last_referral_median", "days_to_last_referral_upper");
        JsonNode cohort = answer.path("cohort");
        JsonNode days = answer.path("daysToLastReferral");
        summary.add(List.of(text(cohort.path("from")), text(cohort.path("to")), text(answer.path("level")),
                value(answer.path("people")), value(answer.path("engaged")), value(answer.path("deadEnds")),
                value(answer.path("open")), value(days.path("lower")), value(days.path("median")), value(days.path("upper"))));
        List<List<Object>> types = csv.section("pathways", "rank", "steps", "people", "engaged", "dead_ends", "open",
                "days_to_last_referral_lower", "days_to_last_referral_median", "days_to_last_referral_upper");
        List<List<Object>> steps = csv.section("step_days", "rank", "step", "from", "to", "people", "days_lower",
                "days_median", "days_upper");
        int rank = 0;
        for (JsonNode type : answer.path("pathways")) {
            rank++;
            JsonNode toLast = type.path("daysToLastReferral");
            types.add(List.of(rank, String.join(" → ", names(type.path("steps"))), value(type.path("people")),
                    value(type.path("engaged")), value(type.path("deadEnds")), value(type.path("open")),
                    value(toLast.path("lower")), value(toLast.path("median")), value(toLast.path("upper"))));
            int step = 1;
            for (JsonNode stepDays : type.path("stepDays")) {
                step++;
                JsonNode d = stepDays.path("days");
                steps.add(List.of(rank, step, text(stepDays.path("from")), text(stepDays.path("to")),
                        d.isObject() ? value(d.path("people")) : value(d), value(d.path("lower")), value(d.path("median")),
                        value(d.path("upper"))));
            }
        }
        return csv;
    }

    /**
     * The CSV sections of a comparison: {@code outcomes} (each cohort, all chains and by entry route) and
     * {@code differences} (first − second, and brokered − direct within each cohort).
     */
    public static CsvSections comparison(JsonNode answer) {
        CsvSections csv = new CsvSections();
        List<List<Object>> outcomes = csv.section("outcomes", "cohort", "route", "people", "engaged", "dead_ends", "open",
                "engagement", "engagement_lower", "engagement_upper", "dead_end_rate", "dead_end_lower", "dead_end_upper");
        List<List<Object>> differences = csv.section("differences", "measure", "estimate", "lower", "upper");
        for (String cohort : List.of("first", "second")) {
            JsonNode side = answer.path(cohort);
            for (String route : List.of("all", "brokered", "direct")) {
                JsonNode o = side.path(route);
                outcomes.add(List.of(cohort, route, value(o.path("people")), value(o.path("engaged")), value(o.path("deadEnds")),
                        value(o.path("open")), value(limit(o.path("engagement"), "estimate")),
                        value(limit(o.path("engagement"), "lower")), value(limit(o.path("engagement"), "upper")),
                        value(limit(o.path("deadEndRate"), "estimate")), value(limit(o.path("deadEndRate"), "lower")),
                        value(limit(o.path("deadEndRate"), "upper"))));
            }
            differences.add(difference(cohort + ": brokered − direct engagement", side.path("brokeredMinusDirect")));
        }
        differences.add(difference("engagement: first − second", answer.path("engagement")));
        differences.add(difference("dead-end rate: first − second", answer.path("deadEnds")));
        return csv;
    }

    private static List<Object> difference(String measure, JsonNode interval) {
        return List.of(measure, value(limit(interval, "estimate")), value(limit(interval, "lower")), value(limit(interval, "upper")));
    }

    /** A limit of an interval; the interval itself when it is withheld ("*"). */
    private static JsonNode limit(JsonNode interval, String name) {
        return interval.isObject() ? interval.path(name) : interval;
    }

    /**
     * The pathway types as a layered graph for Gephi and other tools: a node for each step name at each position
     * ({@code "2: FMHP"}), an edge from each step to the next weighted by the people of the types that take it
     * (types whose people are not shown as a number add nothing).
     */
    public static String graphml(JsonNode answer) {
        Graph<String, DefaultWeightedEdge> graph = new DefaultDirectedWeightedGraph<>(DefaultWeightedEdge.class);
        Map<String, Map<String, Attribute>> nodes = new LinkedHashMap<>();
        for (JsonNode type : answer.path("pathways")) {
            List<String> steps = names(type.path("steps"));
            JsonNode people = type.path("people");
            if (steps.size() < 2 || !people.isNumber()) {
                continue;
            }
            String previous = null;
            for (int i = 0; i < steps.size(); i++) {
                String node = (i + 1) + ": " + steps.get(i);
                if (graph.addVertex(node)) {
                    Map<String, Attribute> attributes = new LinkedHashMap<>();
                    attributes.put("label", DefaultAttribute.createAttribute(steps.get(i)));
                    attributes.put("step", DefaultAttribute.createAttribute(i + 1));
                    nodes.put(node, attributes);
                }
                if (previous != null) {
                    DefaultWeightedEdge edge = graph.getEdge(previous, node);
                    if (edge == null) {
                        edge = graph.addEdge(previous, node);
                        graph.setEdgeWeight(edge, 0);
                    }
                    graph.setEdgeWeight(edge, graph.getEdgeWeight(edge) + people.asDouble());
                }
                previous = node;
            }
        }
        GraphMLExporter<String, DefaultWeightedEdge> exporter = new GraphMLExporter<>(id -> id);
        exporter.setExportEdgeWeights(true);
        exporter.registerAttribute("label", GraphMLExporter.AttributeCategory.NODE, AttributeType.STRING);
        exporter.registerAttribute("step", GraphMLExporter.AttributeCategory.NODE, AttributeType.INT);
        exporter.setVertexAttributeProvider(nodes::get);
        StringWriter out = new StringWriter();
        try {
            exporter.exportGraph(graph, out);
        } catch (ExportException e) {
            throw new UncheckedIOException(new java.io.IOException("GraphML export failed", e));
        }
        return out.toString();
    }

    private static List<String> names(JsonNode array) {
        List<String> names = new ArrayList<>();
        array.forEach(n -> names.add(n.asText()));
        return names;
    }

    private static Object value(JsonNode node) {
        if (node == null || node.isMissingNode() || node.isNull()) {
            return "";
        }
        if (node.isIntegralNumber()) {
            return node.asLong();
        }
        if (node.isNumber()) {
            return node.asDouble();
        }
        return node.asText();
    }

    private static String text(JsonNode node) {
        return node.isMissingNode() || node.isNull() ? "" : node.asText();
    }
}
