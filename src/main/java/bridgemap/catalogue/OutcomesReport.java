package bridgemap.catalogue;

import bridgemap.analysis.outcomes.OutcomesResult;
import bridgemap.analysis.outcomes.OutcomesResult.HandOffOutcomes;
import bridgemap.report.CsvLayout;
import bridgemap.report.Names;
import bridgemap.report.TextTable;
import bridgemap.report.Words;
import java.io.PrintWriter;
import java.util.List;

/** {@link Analyses#OUTCOMES}: brokered against direct hand-offs, with Wilson intervals, for people and for tools. */
final class OutcomesReport {

    static final CsvLayout<OutcomesResult> CSV = CsvLayout.<OutcomesResult>sections()
            .section("outcomes", List.of("from_sector", "to_sector", "route", "hand_offs", "accepted", "pending",
                    "acceptance", "acceptance_lower", "acceptance_upper", "cases", "resolved_cases", "dead_ends",
                    "dead_end_rate", "dead_end_lower", "dead_end_upper"), (r, rows) -> {
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
            });

    private OutcomesReport() {}

    static void table(PrintWriter out, OutcomesResult r, Names names) {
        out.printf("What brokers add, as of %s%s: brokered against direct hand-offs between sectors%n",
                r.asOf(), r.boroughId() == null ? "" : " for the cases of " + names.borough(r.boroughId()));
        out.println(OutcomesResult.CAVEAT + " Rates with Wilson 95% intervals; a rate from fewer than " + Words.FEW
                + " people or referrals carries a caution.");
        out.println();
        if (r.pairs().isEmpty()) {
            out.println("No cross-sector hand-offs in the window.");
            return;
        }
        TextTable t = new TextTable(TextTable.Column.text("hand-off", 36), TextTable.Column.text("route", 9),
                TextTable.Column.number("referrals"), TextTable.Column.number("accepted"),
                TextTable.Column.text("acceptance (95% CI)", 46), TextTable.Column.number("cases"),
                TextTable.Column.number("resolved"), TextTable.Column.number("dead ends"),
                TextTable.Column.text("dead-end rate (95% CI)", 46));
        for (var pair : r.pairs()) {
            row(t, Words.handOff(pair.from(), pair.to()), "brokered", pair.brokered());
            row(t, "", "direct", pair.direct());
        }
        t.printIndented(out);
    }

    private static void row(TextTable t, String handOff, String route, HandOffOutcomes o) {
        t.row(handOff, route, o.handOffs(), o.accepted(),
                Words.percentWithInterval(o.acceptance().interval())
                        + Words.caution(o.handOffs().value() - o.pending().value(), "referrals"),
                o.cases(), o.resolvedCases(), o.deadEnds(),
                Words.percentWithInterval(o.deadEndRate().interval()) + Words.caution(o.resolvedCases().value(), "people"));
    }

}
