package bridgemap.catalogue;

import bridgemap.analysis.bottlenecks.BottlenecksResult;
import bridgemap.analysis.bottlenecks.BottlenecksResult.EntryRoute;
import bridgemap.analysis.bottlenecks.BottlenecksResult.NodeMeasures;
import bridgemap.analysis.bottlenecks.BottlenecksResult.QueueSource;
import bridgemap.analysis.bottlenecks.BottlenecksResult.ServiceLoad;
import bridgemap.report.CsvLayout;
import bridgemap.report.Names;
import bridgemap.report.TextTable;
import bridgemap.report.Words;
import java.io.PrintWriter;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** {@link Analyses#BOTTLENECKS} as tables for people and as CSV sections for tools. */
final class BottlenecksReport {

    private static final int TOP = 20;
    private static final Map<String, String> ROUTE_WORDS = Map.of(
            "no_route", "no route to health",
            "sole_bridge", "rests on one broker",
            "several_brokers", "rests on a few brokers",
            "direct", "refers to health directly");

    static final CsvLayout<BottlenecksResult> CSV = CsvLayout.<BottlenecksResult>sections()
            .section("nodes", List.of("id", "name", "type", "sector", "kind", "betweenness", "articulation_point",
                    "coordinator", "itinerant", "representative", "gatekeeper", "liaison", "brokerage_total",
                    "effective_size", "constraint", "referrals_out", "referrals_in", "referrals_per_fte"), (r, rows) -> {
                for (NodeMeasures m : r.nodes()) {
                    var b = m.brokerage();
                    rows.add(List.of(m.node().id(), m.node().name(), m.node().type(), m.node().sector(), m.node().kind(),
                            m.betweenness(), m.articulationPoint(), b.coordinator(), b.itinerant(), b.representative(),
                            b.gatekeeper(), b.liaison(), b.total(), CellText.orEmpty(m.effectiveSize()),
                            CellText.orEmpty(m.constraint()), m.referralsOut(), m.referralsIn(),
                            CellText.orEmpty(m.referralsPerFte())));
                }
            })
            .section("bridges", List.of("a_id", "a_name", "b_id", "b_name"), (r, rows) -> r.bridges().forEach(bridge ->
                    rows.add(List.of(bridge.a().id(), bridge.a().name(), bridge.b().id(), bridge.b().name()))))
            .section("broker_cut", List.of("kind", "direct_edges", "criminal_justice_nodes", "health_nodes", "cut_ids",
                    "cut_names"), (r, rows) -> rows.add(List.of(r.brokerCut().kind(), r.brokerCut().directEdges(),
                            r.brokerCut().criminalJusticeNodes(), r.brokerCut().healthNodes(), CellText.ids(r.brokerCut().cut()),
                            CellText.names(r.brokerCut().cut()))))
            .section("entry_routes", List.of("setting_id", "setting_name", "kind", "borough", "status", "through_ids",
                    "through_names", "people_to_health", "people_direct", "main_broker_id", "main_broker_name",
                    "people_through_main_broker"), (r, rows) -> {
                for (EntryRoute e : r.entryRoutes()) {
                    rows.add(List.of(e.entry().id(), e.entry().name(), e.entry().kind(), CellText.orEmpty(e.boroughName()),
                            e.status(), CellText.ids(e.through()), CellText.names(e.through()), e.peopleToHealth(),
                            e.peopleDirect(), e.mainBroker() == null ? "" : e.mainBroker().id(),
                            e.mainBroker() == null ? "" : e.mainBroker().name(), e.peopleThroughMainBroker()));
                }
            })
            .section("services", List.of("service_id", "service", "accepted", "accepted_per_month", "capacity_per_month",
                    "load", "over_capacity", "wait_weeks", "long_wait", "queue"), (r, rows) -> {
                for (ServiceLoad s : r.capacity().services()) {
                    rows.add(List.of(s.service().id(), s.service().name(), s.accepted(), s.acceptedPerMonth(),
                            CellText.orEmpty(s.capacityPerMonth()), CellText.orEmpty(s.load()), s.overCapacity(),
                            CellText.orEmpty(s.waitWeeks()), s.longWait(), queue(s.queue(), Integer.MAX_VALUE)));
                }
            });

    private BottlenecksReport() {}

    static void table(PrintWriter out, BottlenecksResult r, Names names) {
        out.printf("Bottlenecks as of %s%s%n", r.asOf(), r.boroughId() == null ? "" : " for the cases of " + names.borough(r.boroughId()));
        out.printf("Referral graph: %,d nodes, %,d edges, %,d referrals in the year to %s.%n%n",
                r.graph().nodes(), r.graph().edges(), r.graph().referrals().value(), r.asOf());
        if (r.graph().nodes() == 0) {
            out.println("No referrals in the window: nothing to analyse. Try an earlier --as-of.");
            out.println();
            capacity(out, r);
            return;
        }
        out.println("Criminal justice → health");
        out.println("  " + r.brokerCut().summary());
        out.println();

        List<EntryRoute> carried = r.entryRoutes().stream()
                .filter(e -> e.mainBroker() != null && 2 * e.peopleThroughMainBroker().value() > e.peopleToHealth().value())
                .sorted(Comparator.comparingDouble((EntryRoute e) -> -share(e)).thenComparing(e -> e.entry().name()))
                .toList();
        out.printf("Criminal-justice settings whose people reach health mostly through one broker (%d of %d settings)%n",
                carried.size(), r.entryRoutes().size());
        if (carried.isEmpty()) {
            out.println("  None: every setting's people reach health directly or through several brokers.");
        } else {
            TextTable t = new TextTable(TextTable.Column.text("setting", 40), TextTable.Column.text("borough", 22),
                    TextTable.Column.number("people to health"), TextTable.Column.text("through", 56),
                    TextTable.Column.text("share", 6), TextTable.Column.number("direct"));
            for (EntryRoute e : carried) {
                t.row(e.entry().name(), e.boroughName(), e.peopleToHealth(), e.mainBroker().name(),
                        Words.percent(share(e)), e.peopleDirect());
            }
            t.printIndented(out);
        }
        List<EntryRoute> structural = r.entryRoutes().stream().filter(e -> !"direct".equals(e.status())).toList();
        if (!structural.isEmpty()) {
            out.println();
            out.println("  By structure (settings that never refer to health themselves):");
            TextTable t = new TextTable(TextTable.Column.text("setting", 40), TextTable.Column.text("borough", 22),
                    TextTable.Column.text("routes to health", 24), TextTable.Column.text("through", 60));
            for (EntryRoute e : structural) {
                t.row(e.entry().name(), e.boroughName(), ROUTE_WORDS.get(e.status()), CellText.names(e.through()));
            }
            t.printIndented(out);
        }
        out.println();
        capacity(out, r);

        int shown = Math.min(TOP, r.nodes().size());
        out.printf("Top %d of %,d nodes by betweenness (cut vertex: its loss splits the network)%n", shown, r.nodes().size());
        out.println("  (routes through: betweenness; splits: a cut vertex; links across sectors: brokerage pairs; "
                + "links two others: liaison; lets in: gatekeeper; tied contacts: constraint)");
        TextTable t = new TextTable(TextTable.Column.text("name", 36), TextTable.Column.text("kind", 18),
                TextTable.Column.text("sector", 16), TextTable.Column.number("routes through"),
                TextTable.Column.text("splits", 6), TextTable.Column.number("links across sectors"),
                TextTable.Column.number("links two others"), TextTable.Column.number("lets in"),
                TextTable.Column.number("tied contacts"), TextTable.Column.number("referrals"),
                TextTable.Column.number("per FTE"));
        for (NodeMeasures m : r.nodes().subList(0, shown)) {
            t.row(m.node().name(), m.node().kind(), m.node().sector().code(), m.betweenness(), m.articulationPoint() ? "yes" : "no",
                    m.brokerage().total(), m.brokerage().liaison(), m.brokerage().gatekeeper(), m.constraint(),
                    m.referralsOut().value() + m.referralsIn().value(), m.referralsPerFte());
        }
        t.printIndented(out);
        out.println();
        long cutVertices = r.nodes().stream().filter(NodeMeasures::articulationPoint).count();
        out.printf("%d cut vertices and %d bridges (edges whose loss splits the network). "
                + "--format json or csv lists every node and bridge.%n", cutVertices, r.bridges().size());
    }

    private static double share(EntryRoute e) {
        return e.peopleToHealth().value() == 0 ? 0 : (double) e.peopleThroughMainBroker().value() / e.peopleToHealth().value();
    }


    /** Services over capacity, and services with long waits, with where their people came from. */
    private static void capacity(PrintWriter out, BottlenecksResult r) {
        List<ServiceLoad> services = r.capacity().services();
        long withCapacity = services.stream().filter(s -> s.capacityPerMonth() != null).count();
        long withWait = services.stream().filter(s -> s.waitWeeks() != null).count();
        List<ServiceLoad> over = services.stream().filter(ServiceLoad::overCapacity).toList();
        out.printf("Services over capacity (more referrals accepted a month in the year than their stated monthly "
                + "capacity): %d of %d%n", over.size(), withCapacity);
        if (!over.isEmpty()) {
            TextTable t = new TextTable(TextTable.Column.text("service", 44), TextTable.Column.number("accepted a month"),
                    TextTable.Column.number("capacity"), TextTable.Column.number("over by"), TextTable.Column.text("load", 7),
                    TextTable.Column.text("people accepted came from (last criminal-justice setting)", 90));
            for (ServiceLoad s : over) {
                t.row(s.service().name(), s.acceptedPerMonth(), s.capacityPerMonth(),
                        s.acceptedPerMonth().value() - s.capacityPerMonth(),
                        s.load() == null ? "–" : Words.percent(s.load().value()), queue(s.queue(), 3));
            }
            t.printIndented(out);
        } else {
            String highest = services.stream().filter(s -> s.load() != null)
                    .sorted(Comparator.comparingDouble((ServiceLoad s) -> -s.load().value())
                            .thenComparing(s -> s.service().name()))
                    .limit(3)
                    .map(s -> String.format(Locale.ROOT, "%s %s (%.1f a month against %,d)", s.service().name(),
                            Words.percent(s.load().value()), s.acceptedPerMonth().value(), s.capacityPerMonth()))
                    .collect(Collectors.joining("; "));
            if (!highest.isEmpty()) {
                out.println("  Fullest: " + highest + ".");
            }
        }
        List<ServiceLoad> waiting = services.stream().filter(ServiceLoad::longWait).toList();
        out.printf("Long waits (more than %s weeks: %s): %d of %d services that state a wait%n",
                TextTable.format(r.capacity().longWait().waitWeeks()), r.capacity().longWait().standard(), waiting.size(),
                withWait);
        if (!waiting.isEmpty()) {
            TextTable t = new TextTable(TextTable.Column.text("service", 44), TextTable.Column.number("wait (weeks)"),
                    TextTable.Column.number("accepted a month"),
                    TextTable.Column.text("people accepted came from (last criminal-justice setting)", 90));
            for (ServiceLoad s : waiting) {
                t.row(s.service().name(), s.waitWeeks(), s.acceptedPerMonth(), queue(s.queue(), 3));
            }
            t.printIndented(out);
        }
        out.println();
    }

    /** "Lambeth probation office 12; Brixton police custody suite 5; no criminal-justice setting 3", the first {@code shown}. */
    private static String queue(List<QueueSource> queue, int shown) {
        String named = queue.stream().limit(shown)
                .map(q -> (q.entry() == null ? "no criminal-justice setting" : q.entry().name()) + " " + q.people())
                .collect(Collectors.joining("; "));
        return queue.size() > shown ? named + "; " + (queue.size() - shown) + " more" : named;
    }
}
