package bridgemap.report;

import bridgemap.analysis.bottlenecks.BottlenecksResult;
import bridgemap.analysis.bottlenecks.BottlenecksResult.EntryRoute;
import bridgemap.analysis.bottlenecks.BottlenecksResult.NodeMeasures;
import bridgemap.analysis.coverage.CoverageResult;
import bridgemap.analysis.coverage.CoverageResult.Cell;
import bridgemap.analysis.coverage.CoverageResult.CellKey;
import bridgemap.analysis.gaps.ExclusionConflictsResult.ExclusionConflict;
import bridgemap.analysis.gaps.GapsResult;
import bridgemap.analysis.outcomes.OutcomesResult;
import bridgemap.analysis.planning.FundingReport;
import bridgemap.analysis.outcomes.OutcomesResult.HandOffOutcomes;
import bridgemap.model.NetworkNode;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Every analysis as CSV tables, one section each: what {@code analyze … --format csv} prints and
 * {@code export --format csv} (and {@code GET /api/export?format=csv}) writes one file per section.
 */
public final class AnalysisCsv {

    private AnalysisCsv() {}

    public static CsvSections gaps(GapsResult r) {
        CsvSections csv = new CsvSections();
        List<List<Object>> conflicts = csv.section("conflicts", "borough_id", "borough", "needs", "status", "exclusion",
                "cases", "unaccepted_needs", "services");
        for (ExclusionConflict c : r.exclusionConflicts().conflicts()) {
            conflicts.add(List.of(c.boroughId(), c.boroughName(), String.join(";", c.needs()), c.status(), c.exclusion(),
                    c.cases(), String.join(";", c.unacceptedNeeds()),
                    c.services().stream().map(s -> s.service().id() + (s.excludes().isEmpty() ? "" : " excludes "
                            + String.join("+", s.excludes()))).collect(Collectors.joining(";"))));
        }
        var d = r.deadEnds();
        List<List<Object>> byBorough = csv.section("dead_ends_by_borough", "borough_id", "borough", "cases", "resolved",
                "dead_ends", "rate");
        d.byBorough().forEach(b -> byBorough.add(List.of(b.boroughId(), b.boroughName(), b.cases(), b.resolved(),
                b.deadEnds(), b.rate())));
        List<List<Object>> byHandOff = csv.section("dead_ends_by_hand_off", "from_sector", "to_sector", "resolved",
                "dead_ends", "rate");
        d.byHandOff().forEach(h -> byHandOff.add(List.of(h.from(), h.to(), h.resolved(), h.deadEnds(), h.rate())));
        List<List<Object>> targets = csv.section("dead_end_targets", "id", "name", "sector", "kind", "dead_ends");
        d.endpoints().forEach(e -> targets.add(List.of(e.node().id(), e.node().name(), e.node().sector(), e.node().kind(),
                e.deadEnds())));
        List<List<Object>> handOffs = csv.section("hand_offs", "from_sector", "to_sector", "cross_sector", "referrals",
                "accepted", "declined", "no_response", "withdrawn", "pending", "lost", "loss");
        r.handOffLoss().handOffs().forEach(h -> handOffs.add(List.of(h.from(), h.to(), h.crossSector(), h.total(),
                h.accepted(), h.declined(), h.noResponse(), h.withdrawn(), h.pending(), h.lost(), h.loss())));
        List<List<Object>> unreachable = csv.section("unreachable", "setting_id", "setting", "kind", "borough", "need");
        r.unreachableEntries().unreachable().forEach(u -> unreachable.add(List.of(u.setting().id(), u.setting().name(),
                u.setting().kind(), orEmpty(u.setting().boroughId()), u.need())));
        return csv;
    }

    public static CsvSections bottlenecks(BottlenecksResult r) {
        CsvSections csv = new CsvSections();
        List<List<Object>> nodes = csv.section("nodes", "id", "name", "type", "sector", "kind", "betweenness",
                "articulation_point", "coordinator", "itinerant", "representative", "gatekeeper", "liaison",
                "brokerage_total", "effective_size", "constraint", "referrals_out", "referrals_in", "referrals_per_fte");
        for (NodeMeasures m : r.nodes()) {
            var b = m.brokerage();
            nodes.add(List.of(m.node().id(), m.node().name(), m.node().type(), m.node().sector(), m.node().kind(),
                    m.betweenness(), m.articulationPoint(), b.coordinator(), b.itinerant(), b.representative(),
                    b.gatekeeper(), b.liaison(), b.total(), orEmpty(m.effectiveSize()), orEmpty(m.constraint()),
                    m.referralsOut(), m.referralsIn(), orEmpty(m.referralsPerFte())));
        }
        List<List<Object>> bridges = csv.section("bridges", "a_id", "a_name", "b_id", "b_name");
        for (var bridge : r.bridges()) {
            bridges.add(List.of(bridge.a().id(), bridge.a().name(), bridge.b().id(), bridge.b().name()));
        }
        List<List<Object>> cut = csv.section("broker_cut", "kind", "direct_edges", "criminal_justice_nodes",
                "health_nodes", "cut_ids", "cut_names");
        cut.add(List.of(r.brokerCut().kind(), r.brokerCut().directEdges(), r.brokerCut().criminalJusticeNodes(),
                r.brokerCut().healthNodes(), ids(r.brokerCut().cut()), names(r.brokerCut().cut())));
        List<List<Object>> routes = csv.section("entry_routes", "setting_id", "setting_name", "kind", "borough",
                "status", "through_ids", "through_names", "people_to_health", "people_direct", "main_broker_id",
                "main_broker_name", "people_through_main_broker");
        for (EntryRoute e : r.entryRoutes()) {
            routes.add(List.of(e.entry().id(), e.entry().name(), e.entry().kind(), orEmpty(e.boroughName()), e.status(),
                    ids(e.through()), names(e.through()), e.peopleToHealth(), e.peopleDirect(),
                    e.mainBroker() == null ? "" : e.mainBroker().id(), e.mainBroker() == null ? "" : e.mainBroker().name(),
                    e.peopleThroughMainBroker()));
        }
        return csv;
    }

    public static CsvSections coverage(CoverageResult r) {
        CsvSections csv = new CsvSections();
        List<List<Object>> cells = csv.section("cells", "borough_id", "borough", "setting_kind", "settings",
                "practitioners", "practitioner_ids", "fte", "funders", "funder_ids", "status", "reasons");
        for (Cell c : r.cells()) {
            cells.add(List.of(c.boroughId(), c.boroughName(), c.kind(), c.settings().size(), c.practitioners().size(),
                    ids(c.practitioners()), c.fte(), c.funders().size(),
                    c.funders().stream().map(f -> f.id()).collect(Collectors.joining(";")), c.status(),
                    String.join(";", c.reasons())));
        }
        List<List<Object>> uncovered = csv.section("uncovered_settings", "setting_id", "setting", "kind", "borough");
        for (var u : r.settingsWithoutCover()) {
            uncovered.add(List.of(u.setting().id(), u.setting().name(), u.setting().kind(), orEmpty(u.boroughName())));
        }
        List<List<Object>> ending = csv.section("funding_ending", "funder_id", "funder", "practitioner_id", "end",
                "amount_gbp", "cells");
        for (var f : r.fundingEnding()) {
            ending.add(List.of(f.funder().id(), f.funder().name(), f.practitioner().id(), f.end(),
                    orEmpty(f.amountGbp()), cellIds(f.cells())));
        }
        List<List<Object>> practitioners = csv.section("practitioner_loss", "practitioner_id", "cells_lost", "cells");
        for (var p : r.practitionerLosses()) {
            practitioners.add(List.of(p.practitioner().id(), p.cellsLost().size(), cellIds(p.cellsLost())));
        }
        List<List<Object>> funders = csv.section("funder_loss", "funder_id", "funder", "practitioners_lost", "cells_lost", "cells");
        for (var f : r.funderLosses()) {
            funders.add(List.of(f.funder().id(), f.funder().name(), f.practitionersLost().size(), f.cellsLost().size(),
                    cellIds(f.cellsLost())));
        }
        return csv;
    }

    public static CsvSections outcomes(OutcomesResult r) {
        CsvSections csv = new CsvSections();
        List<List<Object>> rows = csv.section("outcomes", "from_sector", "to_sector", "route", "hand_offs", "accepted",
                "pending", "acceptance", "acceptance_lower", "acceptance_upper", "cases", "resolved_cases", "dead_ends",
                "dead_end_rate", "dead_end_lower", "dead_end_upper");
        for (var pair : r.pairs()) {
            for (var route : List.of("brokered", "direct")) {
                HandOffOutcomes o = route.equals("brokered") ? pair.brokered() : pair.direct();
                rows.add(List.of(pair.from(), pair.to(), route, o.handOffs(), o.accepted(), o.pending(),
                        o.acceptance().interval().estimate(), o.acceptance().interval().lower(),
                        o.acceptance().interval().upper(), o.cases(), o.resolvedCases(), o.deadEnds(),
                        o.deadEndRate().interval().estimate(), o.deadEndRate().interval().lower(),
                        o.deadEndRate().interval().upper()));
            }
        }
        return csv;
    }

    public static CsvSections funding(FundingReport r) {
        CsvSections csv = new CsvSections();
        List<List<Object>> shares = csv.section("shares", "funder_id", "funder", "amount_gbp", "share");
        r.shares().forEach(s -> shares.add(List.of(s.funderId(), s.funderName(), s.amountGbp(), s.share())));
        List<List<Object>> ending = csv.section("ending_within_year", "funder_id", "practitioner_id", "end", "amount_gbp");
        r.endingWithinYear().forEach(f -> ending.add(List.of(f.funder().id(), f.practitioner().id(), f.end(),
                orEmpty(f.amountGbp()))));
        List<List<Object>> single = csv.section("single_funder_cells", "borough_id", "borough", "setting_kind", "funder_id");
        r.singleFunderCells().forEach(c -> single.add(List.of(c.boroughId(), c.boroughName(), c.kind(),
                c.funders().isEmpty() ? "" : c.funders().get(0).id())));
        List<List<Object>> losses = csv.section("funder_loss", "funder_id", "funder", "posts_ending", "cells_lost");
        r.funderLosses().forEach(f -> losses.add(List.of(f.funder().id(), f.funder().name(), f.practitionersLost().size(),
                f.cellsLost().size())));
        return csv;
    }

    private static Object orEmpty(Object value) {
        return value == null ? "" : value;
    }

    private static String names(List<NetworkNode> nodes) {
        return nodes.stream().map(n -> n.name() + (n.kind().equals("service") ? "" : " (" + n.kind() + ")"))
                .collect(Collectors.joining("; "));
    }

    private static String ids(List<NetworkNode> nodes) {
        return nodes.stream().map(NetworkNode::id).collect(Collectors.joining(";"));
    }

    private static String cellIds(List<CellKey> cells) {
        return cells.stream().map(k -> k.boroughId() + "/" + k.kind().code()).collect(Collectors.joining(";"));
    }
}
