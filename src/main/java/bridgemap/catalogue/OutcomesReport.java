package bridgemap.cli;

import bridgemap.analysis.outcomes.OutcomesResult;
import bridgemap.analysis.outcomes.OutcomesResult.HandOffOutcomes;
import java.io.PrintWriter;
import java.util.List;

/** {@code bridgemap analyze outcomes}: brokered against direct hand-offs, with Wilson intervals. */
final class OutcomesReport {

    private OutcomesReport() {}

    static void table(PrintWriter out, OutcomesResult r) {
        out.printf("What brokers add, as of %s%s: brokered against direct hand-offs between sectors%n",
                r.asOf(), r.boroughId() == null ? "" : " for the cases of borough " + r.boroughId());
        out.println(OutcomesResult.CAVEAT + " Rates with Wilson 95% intervals.");
        out.println();
        if (r.pairs().isEmpty()) {
            out.println("No cross-sector hand-offs in the window.");
            return;
        }
        TextTable t = new TextTable(TextTable.Column.text("hand-off", 36), TextTable.Column.text("route", 9),
                TextTable.Column.number("referrals"), TextTable.Column.number("accepted"),
                TextTable.Column.text("acceptance (95% CI)", 22), TextTable.Column.number("cases"),
                TextTable.Column.number("resolved"), TextTable.Column.number("dead ends"),
                TextTable.Column.text("dead-end rate (95% CI)", 22));
        for (var pair : r.pairs()) {
            row(t, Words.handOff(pair.from(), pair.to()), "brokered", pair.brokered());
            row(t, "", "direct", pair.direct());
        }
        BottlenecksReport.indent(out, t);
    }

    private static void row(TextTable t, String handOff, String route, HandOffOutcomes o) {
        t.row(handOff, route, o.handOffs(), o.accepted(),
                Words.percentWithInterval(o.acceptance().interval()), o.cases(), o.resolvedCases(), o.deadEnds(),
                Words.percentWithInterval(o.deadEndRate().interval()));
    }

}
