package bridgemap.cli;

import bridgemap.analysis.planning.DemandSource;
import bridgemap.analysis.planning.DisplacedResult;
import bridgemap.analysis.planning.ExpansionPlan;
import bridgemap.analysis.planning.SettingDemand;
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
        t.row("places with no cover", b.holes(), a.holes());
        t.row("fragile places", b.fragile(), a.fragile());
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
        out.printf("Best %d new post%s as of %s, among %d uncovered%s places (%s)%n", p.posts(), p.posts() == 1 ? "" : "s",
                p.asOf(), p.candidates(), p.includeFragile() ? " or fragile" : "", kinds);
        if (p.scenario() != null) {
            out.println("After the scenario \"" + p.scenario() + "\":");
            p.scenarioEffects().forEach(e -> out.println("  " + e));
        }
        out.println(switch (p.demand()) {
            case "activity" -> String.format(Locale.ROOT, "Demand: the %,d people with mental-health needs estimated to pass "
                    + "through those places' settings in the year, at settings in no covered place (%s).", p.unmetDemand(),
                    sources(p.demandSources()));
            case "cases" -> String.format(Locale.ROOT, "Demand: the %,d people seen in the year at those places and at no covered "
                    + "one; each person counts once.", p.unmetDemand());
            default -> String.format(Locale.ROOT, "Demand: each of the %d places counts one.", p.unmetDemand());
        });
        out.println();
        if (p.picks().isEmpty()) {
            out.println(p.posts() == 0 ? "  The budget buys no post: nothing to place." : "  No unmet demand: nothing to place.");
            out.println();
            cost(out, p);
            return;
        }
        // Only activity demand mixes sources, so only its table says where each pick's demand comes from (as the page).
        boolean activity = p.demand().equals("activity");
        List<TextTable.Column> columns = new java.util.ArrayList<>(List.of(TextTable.Column.number("rank"),
                TextTable.Column.text("borough", 24), TextTable.Column.text("setting kind", 18), TextTable.Column.number("adds"),
                TextTable.Column.number("total"), TextTable.Column.text("share", 7), TextTable.Column.text("cost a year", 12)));
        if (activity) {
            columns.add(TextTable.Column.text("demand from", 40));
        }
        columns.add(TextTable.Column.text("settings", 70));
        TextTable t = new TextTable(columns.toArray(TextTable.Column[]::new));
        for (var pick : p.picks()) {
            List<Object> cells = new java.util.ArrayList<>(List.of(pick.rank(), pick.boroughName(), pick.settingKind().label(),
                    pick.gain(), pick.cumulative(), Words.percent(pick.cumulativeShare()), Words.pounds(pick.costGbp())));
            if (activity) {
                cells.add(sources(pick.sources()));
            }
            cells.add(String.join("; ", pick.settings()));
            t.row(cells.toArray());
        }
        t.printIndented(out);
        if (activity) {
            out.println();
            out.println("Where each pick's people come from:");
            for (var pick : p.picks()) {
                for (var d : pick.demand()) {
                    out.printf("  %d. %s%n", pick.rank(), settingDemand(d));
                }
            }
            out.println();
            out.println("Prevalence used where activity figures flag no share with mental-health needs:");
            p.prevalence().forEach(x -> out.printf(Locale.ROOT, "  %s %.0f%%: %s%n", x.kind().label(), x.share() * 100, x.source()));
        }
        out.println();
        cost(out, p);
        out.println(p.method());
    }

    /** The cost per post and where it comes from, the total and the budget, in words. */
    private static void cost(PrintWriter out, ExpansionPlan p) {
        out.println(p.costPerPostGbp() == null ? "Cost per post: unknown (" + p.costSource() + ")."
                : "Cost per post: " + Words.pounds(p.costPerPostGbp()) + " a year (" + p.costSource() + ").");
        if (p.totalCostGbp() != null) {
            out.printf("Total: %s a year for %d post%s.%n", Words.pounds(p.totalCostGbp()), p.picks().size(),
                    p.picks().size() == 1 ? "" : "s");
        }
        out.println(p.budgetGbp() == null ? "Budget: none given." : "Budget: " + Words.pounds(p.budgetGbp()) + " a year.");
    }

    /** "activity × documented prevalence 3,438; people referred (no activity figures) 1". */
    static String sources(List<ExpansionPlan.SourceCount> sources) {
        if (sources.size() == 1) {
            return sources.get(0).source().label();
        }
        return sources.stream().map(s -> String.format(Locale.ROOT, "%s %,d", s.source().label(), s.people()))
                .collect(Collectors.joining("; "));
    }

    /** "Wembley police custody suite: 10,419 detentions a year × 33% = 3,438" or "…: 1 person referred (no activity figures)". */
    static String settingDemand(SettingDemand d) {
        if (d.source() == DemandSource.REFERRALS) {
            return String.format(Locale.ROOT, "%s: %,d %s referred in the year (no activity figures)", d.setting(),
                    d.wholePeople(), d.wholePeople() == 1 ? "person" : "people");
        }
        return String.format(Locale.ROOT, "%s: %,.0f %s a year × %.0f%% %s = %,d", d.setting(), d.activity(),
                d.measure().label(), d.share() * 100,
                d.source() == DemandSource.ACTIVITY_FLAGGED ? "flagged with mental-health needs" : "prevalence", d.wholePeople());
    }

    static CsvSections planCsv(ExpansionPlan p) {
        CsvSections csv = new CsvSections();
        List<List<Object>> rows = csv.section("picks", "rank", "borough_id", "borough", "setting_kind", "gain", "cumulative",
                "cumulative_share", "settings", "cost_gbp", "demand_from");
        p.picks().forEach(pick -> rows.add(java.util.Arrays.asList(pick.rank(), pick.boroughId(), pick.boroughName(),
                pick.settingKind(), pick.gain(), pick.cumulative(), pick.cumulativeShare(), String.join(";", pick.settings()),
                pick.costGbp(), pick.sources().stream().map(x -> x.source().code() + " " + x.people())
                        .collect(Collectors.joining(";")))));
        if (p.demand().equals("activity")) {
            List<List<Object>> settings = csv.section("pick_settings", "rank", "setting_id", "setting", "source", "measure",
                    "activity", "share", "people");
            p.picks().forEach(pick -> pick.demand().forEach(d -> settings.add(java.util.Arrays.asList(pick.rank(),
                    d.settingId(), d.setting(), d.source(), d.measure(), d.activity(), d.share(), d.wholePeople()))));
        }
        return csv;
    }
}
