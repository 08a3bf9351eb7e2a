package bridgemap.catalogue;

import bridgemap.analysis.coverage.CellStatus;
import bridgemap.analysis.coverage.CoverageResult;
import bridgemap.analysis.coverage.CoverageResult.Cell;
import bridgemap.analysis.coverage.CoverageResult.CellKey;
import bridgemap.model.NetworkNode;
import bridgemap.model.SettingKind;
import bridgemap.report.CsvLayout;
import bridgemap.report.Names;
import bridgemap.report.TextTable;
import bridgemap.report.Words;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** {@link Analyses#COVERAGE} as a borough × setting matrix and lists for people, and as CSV sections for tools. */
final class CoverageReport {

    static final CsvLayout<CoverageResult> CSV = CsvLayout.<CoverageResult>sections()
            .section("places", List.of("borough_id", "borough", "setting_kind", "settings", "practitioners",
                    "practitioner_ids", "fte", "funders", "funder_ids", "status", "reasons"), (r, rows) -> {
                for (Cell c : r.cells()) {
                    rows.add(List.of(c.boroughId(), c.boroughName(), c.kind(), c.settings().size(), c.practitioners().size(),
                            CellText.ids(c.practitioners()), c.fte(), c.funders().size(),
                            c.funders().stream().map(f -> f.id()).collect(Collectors.joining(";")), c.status(),
                            String.join(";", c.reasons())));
                }
            })
            .section("uncovered_settings", List.of("setting_id", "setting", "kind", "borough"), (r, rows) ->
                    r.settingsWithoutCover().forEach(u -> rows.add(List.of(u.setting().id(), u.setting().name(),
                            u.setting().kind(), CellText.orEmpty(u.boroughName())))))
            .section("funding_ending", List.of("funder_id", "funder", "practitioner_id", "end", "amount_gbp", "places",
                    "role", "host_agency", "post"),
                    (r, rows) -> r.fundingEnding().forEach(f -> rows.add(List.of(f.funder().id(), f.funder().name(),
                            f.practitioner().id(), f.end(), CellText.orEmpty(f.amountGbp()), CellText.cellIds(f.cells()),
                            f.post().role(), f.post().host() == null ? "" : f.post().host().name(), f.post().description()))))
            .section("practitioner_loss", List.of("practitioner_id", "places_lost", "places"), (r, rows) ->
                    r.practitionerLosses().forEach(p -> rows.add(List.of(p.practitioner().id(), p.cellsLost().size(),
                            CellText.cellIds(p.cellsLost())))))
            .section("funder_loss", List.of("funder_id", "funder", "practitioners_lost", "places_lost", "places"),
                    (r, rows) -> r.funderLosses().forEach(f -> rows.add(List.of(f.funder().id(), f.funder().name(),
                            f.practitionersLost().size(), f.cellsLost().size(), CellText.cellIds(f.cellsLost())))));

    private CoverageReport() {}

    static void table(PrintWriter out, CoverageResult r, Names names) {
        var s = r.summary();
        out.printf("Coverage as of %s%s%n", r.asOf(), names.inBorough(r.boroughId()));
        out.printf("%d borough%s with some cover. %d places (borough × setting kind): %d with no cover, %d fragile, %d covered.%n",
                s.boroughsWithCover(), s.boroughsWithCover() == 1 ? "" : "s", s.cells(), s.holes(), s.fragile(), s.covered());
        out.printf("%d practitioners placed (%s FTE); %s of funding active.%n%n", s.practitionersPlaced(),
                TextTable.format(s.fte()), Words.pounds(s.fundingActiveGbp()));
        if (r.cells().isEmpty()) {
            out.println("No settings recorded: nothing to cover.");
            return;
        }

        Set<SettingKind> kinds = EnumSet.noneOf(SettingKind.class);
        Map<String, Map<SettingKind, Cell>> byBorough = new LinkedHashMap<>();
        for (Cell c : r.cells()) {
            kinds.add(c.kind());
            byBorough.computeIfAbsent(c.boroughName(), b -> new LinkedHashMap<>()).put(c.kind(), c);
        }
        out.println("Practitioners per borough and setting kind ('no cover' = none placed, ! = fragile, blank = no such setting)");
        List<TextTable.Column> columns = new ArrayList<>();
        columns.add(TextTable.Column.text("borough", 24));
        for (SettingKind kind : kinds) {
            columns.add(TextTable.Column.text(Words.settingKind(kind), 18));
        }
        TextTable matrix = new TextTable(columns.toArray(TextTable.Column[]::new));
        byBorough.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            List<Object> row = new ArrayList<>();
            row.add(e.getKey());
            for (SettingKind kind : kinds) {
                Cell c = e.getValue().get(kind);
                row.add(c == null ? "" : cellText(c));
            }
            matrix.row(row.toArray());
        });
        matrix.printIndented(out);
        out.println();

        List<Cell> fragile = r.cells().stream().filter(c -> c.status() == CellStatus.FRAGILE).toList();
        out.printf("Fragile cover (%d places)%n", fragile.size());
        if (!fragile.isEmpty()) {
            TextTable t = new TextTable(TextTable.Column.text("borough", 24), TextTable.Column.text("setting kind", 18),
                    TextTable.Column.text("why", 40), TextTable.Column.text("practitioners", 40),
                    TextTable.Column.text("funders", 50));
            for (Cell c : fragile) {
                t.row(c.boroughName(), Words.settingKind(c.kind()), String.join(", ", c.reasons()),
                        ids(c.practitioners()), c.funders().stream().map(f -> f.name()).collect(Collectors.joining(", ")));
            }
            t.printIndented(out);
        }
        out.println();

        out.printf("Courts and custody suites with no practitioner placed (%d)%n", r.settingsWithoutCover().size());
        if (!r.settingsWithoutCover().isEmpty()) {
            TextTable t = new TextTable(TextTable.Column.text("setting", 44), TextTable.Column.text("kind", 18),
                    TextTable.Column.text("borough", 24));
            for (var u : r.settingsWithoutCover()) {
                t.row(u.setting().name(), Words.settingKind(SettingKind.valueOf(u.setting().kind().toUpperCase(java.util.Locale.ROOT))),
                        u.boroughName());
            }
            t.printIndented(out);
        }
        out.println();

        out.printf("Funding ending within 12 months of %s (%d rows)%n", r.asOf(), r.fundingEnding().size());
        if (!r.fundingEnding().isEmpty()) {
            TextTable t = new TextTable(TextTable.Column.text("ends", 10), TextTable.Column.text("funder", 36),
                    TextTable.Column.text("post", 70), TextTable.Column.text("practitioner", 20), TextTable.Column.number("amount"),
                    TextTable.Column.text("covers", 60));
            for (var f : r.fundingEnding()) {
                t.row(f.end(), f.funder().name(), f.post().description(), f.practitioner().id(), Words.pounds(f.amountGbp()),
                        places(f.cells(), names));
            }
            t.printIndented(out);
        }
        out.println();

        out.printf("If one practitioner left: %d would leave places with no cover%n", r.practitionerLosses().size());
        if (!r.practitionerLosses().isEmpty()) {
            TextTable t = new TextTable(TextTable.Column.text("practitioner", 20), TextTable.Column.number("places"),
                    TextTable.Column.text("places that would lose all cover", 90));
            for (var p : r.practitionerLosses()) {
                t.row(p.practitioner().id(), p.cellsLost().size(), places(p.cellsLost(), names));
            }
            t.printIndented(out);
        }
        out.println();

        out.printf("If one funder withdrew: %d would leave places with no cover%n", r.funderLosses().size());
        if (!r.funderLosses().isEmpty()) {
            TextTable t = new TextTable(TextTable.Column.text("funder", 36), TextTable.Column.number("practitioners"),
                    TextTable.Column.number("places"), TextTable.Column.text("places that would lose all cover", 80));
            for (var f : r.funderLosses()) {
                t.row(f.funder().name(), f.practitionersLost().size(), f.cellsLost().size(), places(f.cellsLost(), names));
            }
            t.printIndented(out);
        }
    }

    private static String cellText(Cell c) {
        if (c.status() == CellStatus.HOLE) {
            return "no cover";
        }
        return c.practitioners().size() + " (" + TextTable.format(c.fte()) + " FTE)" + (c.status() == CellStatus.FRAGILE ? " !" : "");
    }

    private static String ids(List<NetworkNode> nodes) {
        return nodes.stream().map(NetworkNode::id).collect(Collectors.joining(", "));
    }

    private static String places(List<CellKey> cells, Names names) {
        return cells.stream().map(k -> names.place(k.boroughId(), k.boroughName(), k.kind())).collect(Collectors.joining("; "));
    }

}
