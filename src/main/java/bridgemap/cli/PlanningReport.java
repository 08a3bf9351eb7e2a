package bridgemap.cli;

import bridgemap.analysis.planning.DisplacedResult;
import bridgemap.analysis.planning.ExpansionPlan;
import bridgemap.analysis.planning.WhatIfResult;
import bridgemap.model.SettingKind;
import bridgemap.report.CsvSections;
import bridgemap.report.TextTable;
import bridgemap.report.Words;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** Tables for what-if results and expansion plans. */
final class PlanningReport {

    private PlanningReport() {}

    static void whatIf(PrintWriter out, WhatIfResult r) {
        out.printf("What if%s, as of %s%s%n", r.scenario() == null ? "" : ": " + r.scenario(), r.asOf(),
                r.boroughId() == null ? "" : " in " + r.coverageBefore().cells().stream()
                        .filter(c -> c.boroughId().equals(r.boroughId())).map(c -> c.boroughName()).findFirst().orElse(r.boroughId()));
        r.effects().forEach(e -> out.println("  " + e));
        out.println();
        var b = r.before();
        var a = r.after();
        TextTable t = new TextTable(TextTable.Column.text("", 36), TextTable.Column.number("before"),
                TextTable.Column.number("after"));
        t.row("boroughs with some cover", b.boroughsWithCover(), a.boroughsWithCover());
        t.row("cells with no cover", b.holes(), a.holes());
        t.row("fragile cells", b.fragile(), a.fragile());
        t.row("practitioners placed", b.practitionersPlaced(), a.practitionersPlaced());
        t.row("FTE", b.fte(), a.fte());
        t.row("funding active (£)", b.fundingActiveGbp(), a.fundingActiveGbp());
        t.row("courts and custody with nobody placed", b.entrySettingsWithoutCover(), a.entrySettingsWithoutCover());
        t.row("unreachable (setting, need) pairs", b.unreachableSettingNeeds(), a.unreachableSettingNeeds());
        t.row("people between two stools", b.peopleBetweenTwoStools(), a.peopleBetweenTwoStools());
        t.row("people with a need no service accepts", b.peopleUnserved(), a.peopleUnserved());
        t.row("dead ends", b.deadEnds(), a.deadEnds());
        t.row("dead-end rate", rate(b.deadEndRate()), rate(a.deadEndRate()));
        t.row("people displaced", b.displacedPeople(), a.displacedPeople());
        t.row("  with no other route to health", b.displacedWithoutRoute(), a.displacedWithoutRoute());
        t.row("cut vertices", b.cutVertices(), a.cutVertices());
        t.printIndented(out);
        out.println();
        out.printf("What changes (%d)%n", r.differences().size());
        if (r.differences().isEmpty()) {
            out.println("  Nothing the analyses can see.");
        }
        for (var d : r.differences()) {
            out.printf("  %-12s %s%n", d.area(), d.sentence());
        }
        displaced(out, r.displaced());
    }

    private static String rate(Double rate) {
        return rate == null ? "–" : Words.percent(rate);
    }

    /** Lines shown of each list of displaced people and of services under pressure. */
    private static final int SHOWN = 10;

    private static void displaced(PrintWriter out, DisplacedResult d) {
        out.println();
        out.println("Displaced people");
        out.println("  " + d.sentence());
        if (d.people().value() == 0) {
            return;
        }
        groups(out, "entry setting", d.byEntry(), true);
        groups(out, "borough", d.byBorough(), false);
        groups(out, "need", d.byNeed(), false);
        out.println();
        out.println("Pressure on the services that remain");
        if (d.pressure().isEmpty()) {
            out.println("  No service's accepted referrals change.");
        }
        d.pressure().stream().limit(SHOWN).forEach(l -> out.println("  " + l.sentence()));
        if (d.pressure().size() > SHOWN) {
            out.printf("  … and %d more (--format json lists them all)%n", d.pressure().size() - SHOWN);
        }
    }

    private static void groups(PrintWriter out, String heading, List<DisplacedResult.Group> rows, boolean withBorough) {
        out.println();
        TextTable t = withBorough
                ? new TextTable(TextTable.Column.text(heading, 44), TextTable.Column.text("borough", 24),
                        TextTable.Column.number("people"), TextTable.Column.number("no other route"))
                : new TextTable(TextTable.Column.text(heading, 44), TextTable.Column.number("people"),
                        TextTable.Column.number("no other route"));
        for (var g : rows.stream().limit(SHOWN).toList()) {
            if (withBorough) {
                t.row(g.name(), g.boroughName(), g.people(), g.withoutRoute());
            } else {
                t.row(g.name(), g.people(), g.withoutRoute());
            }
        }
        t.printIndented(out);
        if (rows.size() > SHOWN) {
            out.printf("  … and %d more%n", rows.size() - SHOWN);
        }
    }

    static void plan(PrintWriter out, ExpansionPlan p) {
        String kinds = p.settingKinds().stream().map(SettingKind::label).collect(Collectors.joining(", "));
        out.printf("Best %d new post%s as of %s, among %d uncovered%s cells (%s)%n", p.posts(), p.posts() == 1 ? "" : "s",
                p.asOf(), p.candidates(), p.includeFragile() ? " or fragile" : "", kinds);
        out.println(p.demand().equals("cases")
                ? String.format(Locale.ROOT, "Demand: the %,d people seen in the year at those cells and at no covered one; "
                        + "each person counts once.", p.unmetDemand())
                : String.format(Locale.ROOT, "Demand: each of the %d cells counts one.", p.unmetDemand()));
        out.println();
        if (p.picks().isEmpty()) {
            out.println("  No unmet demand: nothing to place.");
            return;
        }
        TextTable t = new TextTable(TextTable.Column.number("rank"), TextTable.Column.text("borough", 24),
                TextTable.Column.text("setting kind", 18), TextTable.Column.number("adds"), TextTable.Column.number("total"),
                TextTable.Column.text("share", 7), TextTable.Column.text("settings", 70));
        for (var pick : p.picks()) {
            t.row(pick.rank(), pick.boroughName(), pick.settingKind().label(), pick.gain(), pick.cumulative(),
                    Words.percent(pick.cumulativeShare()), String.join("; ", pick.settings()));
        }
        t.printIndented(out);
        out.println();
        out.println("Greedy maximum coverage: each pick adds the most people not yet met; within 1 − 1/e of the best possible.");
    }

    static CsvSections planCsv(ExpansionPlan p) {
        CsvSections csv = new CsvSections();
        List<List<Object>> rows = csv.section("picks", "rank", "borough_id", "borough", "setting_kind", "gain", "cumulative",
                "cumulative_share", "settings");
        p.picks().forEach(pick -> rows.add(List.of(pick.rank(), pick.boroughId(), pick.boroughName(), pick.settingKind(),
                pick.gain(), pick.cumulative(), pick.cumulativeShare(), String.join(";", pick.settings()))));
        return csv;
    }
}
