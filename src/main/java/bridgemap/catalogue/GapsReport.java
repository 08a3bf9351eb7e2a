package bridgemap.catalogue;

import bridgemap.analysis.gaps.ConflictStatus;
import bridgemap.analysis.gaps.ExclusionConflictsResult.ExclusionConflict;
import bridgemap.analysis.gaps.GapsResult;
import bridgemap.report.CsvLayout;
import bridgemap.report.Names;
import bridgemap.report.TextTable;
import bridgemap.report.Words;
import java.io.PrintWriter;
import java.util.List;
import java.util.stream.Collectors;

/** {@link Analyses#GAPS} in the field's words for people, and as CSV sections for tools. */
final class GapsReport {

    private static final int TOP = 15;

    static final CsvLayout<GapsResult> CSV = CsvLayout.<GapsResult>sections()
            .section("conflicts", List.of("borough_id", "borough", "needs", "status", "exclusion", "cases",
                    "unaccepted_needs", "services"), (r, rows) -> {
                for (ExclusionConflict c : r.exclusionConflicts().conflicts()) {
                    rows.add(List.of(c.boroughId(), c.boroughName(), String.join(";", c.needs()), c.status(),
                            c.exclusion(), c.cases(), String.join(";", c.unacceptedNeeds()),
                            c.services().stream().map(s -> s.service().id() + (s.excludes().isEmpty() ? "" : " excludes "
                                    + String.join("+", s.excludes()))).collect(Collectors.joining(";"))));
                }
            })
            .section("dead_ends_by_borough", List.of("borough_id", "borough", "cases", "resolved", "dead_ends", "rate"),
                    (r, rows) -> r.deadEnds().byBorough().forEach(b -> rows.add(List.of(b.boroughId(), b.boroughName(),
                            b.cases(), b.resolved(), b.deadEnds(), b.rate()))))
            .section("dead_ends_by_hand_off", List.of("from_sector", "to_sector", "resolved", "dead_ends", "rate"),
                    (r, rows) -> r.deadEnds().byHandOff().forEach(h -> rows.add(List.of(h.from(), h.to(), h.resolved(),
                            h.deadEnds(), h.rate()))))
            .section("dead_end_targets", List.of("id", "name", "sector", "kind", "dead_ends"),
                    (r, rows) -> r.deadEnds().endpoints().forEach(e -> rows.add(List.of(e.node().id(), e.node().name(),
                            e.node().sector(), e.node().kind(), e.deadEnds()))))
            .section("hand_offs", List.of("from_sector", "to_sector", "cross_sector", "referrals", "accepted", "declined",
                    "no_response", "withdrawn", "pending", "lost", "loss"),
                    (r, rows) -> r.handOffLoss().handOffs().forEach(h -> rows.add(List.of(h.from(), h.to(), h.crossSector(),
                            h.total(), h.accepted(), h.declined(), h.noResponse(), h.withdrawn(), h.pending(), h.lost(),
                            h.loss()))))
            .section("unreachable", List.of("setting_id", "setting", "kind", "borough", "need"),
                    (r, rows) -> r.unreachableEntries().unreachable().forEach(u -> rows.add(List.of(u.setting().id(),
                            u.setting().name(), u.setting().kind(), CellText.orEmpty(u.setting().boroughId()), u.need()))));

    private GapsReport() {}

    static void table(PrintWriter out, GapsResult r, Names names) {
        out.printf("Gaps as of %s%s (people with a referral in the year to %s)%n%n", r.asOf(),
                names.inBorough(r.boroughId()), r.asOf());

        List<ExclusionConflict> all = r.exclusionConflicts().conflicts();
        List<ExclusionConflict> stools = all.stream()
                .filter(c -> c.status() == ConflictStatus.SPLIT && c.exclusion()).sorted(BY_PEOPLE).toList();
        List<ExclusionConflict> unserved = all.stream()
                .filter(c -> c.status() == ConflictStatus.UNSERVED).sorted(BY_PEOPLE).toList();
        out.printf("Need combinations, people seen in the year: %,d people between two stools (%d combinations), "
                        + "%,d with a need no service accepts (%d), %,d served by one service.%n",
                people(stools), stools.size(), people(unserved), unserved.size(),
                people(all.stream().filter(c -> c.status() == ConflictStatus.SERVED).toList()));
        out.println();
        conflictTable(out, "Between two stools: each need is accepted somewhere, but every service taking one excludes another",
                stools, names);
        conflictTable(out, "No service accepts one of the needs", unserved, names);
        out.println("  By borough");
        TextTable conflictsByBorough = new TextTable(TextTable.Column.text("borough", 24), TextTable.Column.number("between two stools"),
                TextTable.Column.number("no service accepts"));
        java.util.Map<String, long[]> boroughs = new java.util.TreeMap<>();
        for (ExclusionConflict c : stools) {
            boroughs.computeIfAbsent(c.boroughName(), b -> new long[2])[0] += c.cases().value();
        }
        for (ExclusionConflict c : unserved) {
            boroughs.computeIfAbsent(c.boroughName(), b -> new long[2])[1] += c.cases().value();
        }
        boroughs.entrySet().stream()
                .sorted((a, b) -> Long.compare(b.getValue()[0] + b.getValue()[1], a.getValue()[0] + a.getValue()[1]))
                .forEach(e -> conflictsByBorough.row(e.getKey(), e.getValue()[0], e.getValue()[1]));
        conflictsByBorough.printIndented(out);
        out.println();

        var d = r.deadEnds();
        out.printf("Dead ends: %,d of %,d resolved cases (%s) ended declined, unanswered or withdrawn, "
                + "with nothing accepted within 90 days%n", d.deadEnds().value(), d.resolved().value(), Words.percent(d.rate()));
        if (d.deadEnds().value() > 0) {
            TextTable byHandOff = new TextTable(TextTable.Column.text("last hand-off", 40), TextTable.Column.number("resolved"),
                    TextTable.Column.number("dead ends"), TextTable.Column.text("rate", 34));
            d.byHandOff().stream().limit(TOP).forEach(h ->
                    byHandOff.row(Words.handOff(h.from(), h.to()), h.resolved(), h.deadEnds(),
                            Words.percent(h.rate()) + Words.caution(h.resolved().value(), "people")));
            byHandOff.printIndented(out);
            out.println();
            TextTable byBorough = new TextTable(TextTable.Column.text("borough", 24), TextTable.Column.number("cases"),
                    TextTable.Column.number("resolved"), TextTable.Column.number("dead ends"), TextTable.Column.text("rate", 34));
            d.byBorough().stream().limit(TOP).forEach(b ->
                    byBorough.row(b.boroughName(), b.cases(), b.resolved(), b.deadEnds(),
                            Words.percent(b.rate()) + Words.caution(b.resolved().value(), "people")));
            byBorough.printIndented(out);
            out.println();
            out.println("  Where chains dead-end");
            TextTable targets = new TextTable(TextTable.Column.text("last referred to", 56), TextTable.Column.text("sector", 18),
                    TextTable.Column.number("dead ends"));
            d.endpoints().stream().limit(TOP).forEach(e ->
                    targets.row(e.node().name(), Words.sector(e.node().sector()), e.deadEnds()));
            targets.printIndented(out);
        }
        out.println();

        out.println("Hand-offs that lose people (referrals in the year; loss = declined, unanswered or withdrawn, of those decided)");
        TextTable handOffs = new TextTable(TextTable.Column.text("hand-off", 40), TextTable.Column.number("referrals"),
                TextTable.Column.number("accepted"), TextTable.Column.number("declined"), TextTable.Column.number("no response"),
                TextTable.Column.number("withdrawn"), TextTable.Column.number("pending"), TextTable.Column.text("loss", 34));
        for (var h : r.handOffLoss().handOffs()) {
            handOffs.row(Words.handOff(h.from(), h.to()), h.total(), h.accepted(), h.declined(), h.noResponse(),
                    h.withdrawn(), h.pending(), Words.percent(h.loss()) + Words.caution(h.total().value() - h.pending().value(),
                    "referrals"));
        }
        handOffs.printIndented(out);
        out.println();

        var blocked = r.unreachableEntries().settings().stream().filter(e -> e.unreachableCount() > 0).toList();
        out.printf("Courts and custody suites from which no accepting service is reachable within 3 hops, for some need (%d of %d)%n",
                blocked.size(), r.unreachableEntries().settings().size());
        if (!blocked.isEmpty()) {
            TextTable t = new TextTable(TextTable.Column.text("setting", 44), TextTable.Column.text("borough", 22),
                    TextTable.Column.number("needs"), TextTable.Column.text("unreachable for", 80));
            for (var e : blocked) {
                t.row(e.setting().name(), e.boroughName(), e.unreachableCount() + "/" + e.needs(),
                        e.unreachableNeeds().stream().map(names::need).collect(Collectors.joining(", ")));
            }
            t.printIndented(out);
        }
    }

    private static final java.util.Comparator<ExclusionConflict> BY_PEOPLE =
            java.util.Comparator.comparing(ExclusionConflict::cases).reversed()
                    .thenComparing(ExclusionConflict::boroughName)
                    .thenComparing(c -> String.join("+", c.needs()));

    private static long people(List<ExclusionConflict> conflicts) {
        return conflicts.stream().mapToLong(c -> c.cases().value()).sum();
    }

    private static void conflictTable(PrintWriter out, String title, List<ExclusionConflict> rows, Names names) {
        out.printf("  %s (top %d of %d)%n", title, Math.min(TOP, rows.size()), rows.size());
        if (rows.isEmpty()) {
            out.println();
            return;
        }
        TextTable t = new TextTable(TextTable.Column.text("borough", 22), TextTable.Column.text("needs", 48),
                TextTable.Column.number("people"), TextTable.Column.text("why", 110));
        for (ExclusionConflict c : rows.subList(0, Math.min(TOP, rows.size()))) {
            t.row(c.boroughName(), names.needs(c.needs()), c.cases(), why(c, names));
        }
        t.printIndented(out);
        out.println();
    }

    private static String why(ExclusionConflict c, Names names) {
        if (c.status() == ConflictStatus.UNSERVED) {
            return "nobody serving the borough accepts " + names.needs(c.unacceptedNeeds());
        }
        return c.services().stream()
                .map(s -> s.service().name() + (s.excludes().isEmpty() ? "" : " excludes " + names.needs(s.excludes())))
                .collect(Collectors.joining("; "));
    }

}
