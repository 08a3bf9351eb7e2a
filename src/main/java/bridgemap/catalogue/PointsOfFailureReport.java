package bridgemap.catalogue;

import bridgemap.analysis.failure.PointsOfFailureResult;
import bridgemap.analysis.failure.PointsOfFailureResult.PointOfFailure;
import bridgemap.analysis.failure.PointsOfFailureResult.Reason;
import bridgemap.report.CsvLayout;
import bridgemap.report.Names;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * {@link Analyses#POINTS_OF_FAILURE} as a ranked list in words for people and as CSV sections for tools. The web
 * page writes each reason the same way ({@code web/js/bottlenecks.js}): its words, the share as a whole percentage
 * in place of {@value PointsOfFailureResult#SHARE}, then the technical term in brackets.
 */
final class PointsOfFailureReport {

    static final CsvLayout<PointsOfFailureResult> CSV = CsvLayout.<PointsOfFailureResult>sections()
            .section("points", List.of("rank", "type", "id", "name", "people", "cover", "flow", "structure", "cut_vertex",
                    "reasons", "places"), (r, rows) -> {
                int rank = 0;
                for (PointOfFailure p : r.points()) {
                    rows.add(List.of(++rank, p.type(), p.id(), p.name(), p.people(), holds(p, PointsOfFailureResult.COVER),
                            holds(p, PointsOfFailureResult.FLOW), holds(p, PointsOfFailureResult.STRUCTURE),
                            p.reasons().stream().anyMatch(x -> x.code().equals("cut_vertex")), reasons(p),
                            CellText.cellIds(p.reasons().stream().flatMap(x -> x.places().stream()).toList())));
                }
            })
            .section("reasons", List.of("point_id", "point", "measure", "code", "term", "words", "share", "node_ids"),
                    (r, rows) -> r.points().forEach(p -> p.reasons().forEach(x -> rows.add(List.of(p.id(), p.name(),
                            x.measure(), x.code(), x.term(), words(x), CellText.orEmpty(x.share()), CellText.ids(x.nodes()))))));

    private PointsOfFailureReport() {}

    static void table(PrintWriter out, PointsOfFailureResult r, Names names) {
        out.printf("Single points of failure as of %s%s%n", r.asOf(), names.inBorough(r.boroughId()));
        out.println("Who, if they went, would leave a place with no practitioner, people without their main route to health,"
                + " or the referral network in pieces; most people depending on them first.");
        out.println();
        if (r.points().isEmpty()) {
            out.println("None: no practitioner or funder alone keeps a place covered, no one carries most of a setting's"
                    + " people to health, and the referral network has no cut vertex.");
            return;
        }
        Map<String, Integer> byType = new TreeMap<>();
        r.points().forEach(p -> byType.merge(p.type(), 1, Integer::sum));
        long cutVertices = r.points().stream().filter(p -> p.reasons().stream().anyMatch(x -> x.code().equals("cut_vertex"))).count();
        out.printf("%d single point%s of failure (%s); %d of them %s a cut vertex of the referral graph.%n%n",
                r.points().size(), r.points().size() == 1 ? "" : "s",
                byType.entrySet().stream().map(e -> e.getValue() + " " + (e.getValue() == 1 ? e.getKey()
                                : e.getKey().equals("agency") ? "agencies" : e.getKey() + "s"))
                        .collect(Collectors.joining(", ")),
                cutVertices, cutVertices == 1 ? "is" : "are");
        int rank = 0;
        for (PointOfFailure p : r.points()) {
            out.printf("%3d. %s (%s) — %s%n", ++rank, p.name(), p.type(), people(p.people().value()));
            out.println("     " + reasons(p));
        }
    }

    /** "48 people depend on it", "1 person depends on it". */
    private static String people(long n) {
        return String.format("%,d %s on it", n, n == 1 ? "person depends" : "people depend");
    }

    private static boolean holds(PointOfFailure p, String measure) {
        return p.reasons().stream().anyMatch(x -> x.holds() && x.measure().equals(measure));
    }

    /** Every reason in words, with its term: "the only practitioner at X (N−1 practitioner loss); …". */
    static String reasons(PointOfFailure p) {
        List<String> parts = new ArrayList<>();
        p.reasons().forEach(x -> parts.add(words(x) + " (" + x.term() + ")"));
        return String.join("; ", parts);
    }

    /** The reason's words with its share as a whole percentage. */
    static String words(Reason reason) {
        if (reason.share() == null) {
            return reason.words();
        }
        double share = reason.share().value();
        return reason.words().replace(PointsOfFailureResult.SHARE,
                Double.isFinite(share) ? Math.round(share * 100) + "%" : "an unknown share");
    }
}
