package bridgemap.catalogue;

import bridgemap.analysis.planning.FundingReport;
import bridgemap.report.CsvLayout;
import bridgemap.report.Names;
import bridgemap.report.TextTable;
import bridgemap.report.Words;
import java.io.PrintWriter;
import java.util.List;
import java.util.stream.Collectors;

/** {@link Analyses#FUNDING}: the funding fragility report as tables for people and as CSV sections for tools. */
final class FundingFragilityReport {

    static final CsvLayout<FundingReport> CSV = CsvLayout.<FundingReport>sections()
            .section("shares", List.of("funder_id", "funder", "amount_gbp", "share"), (r, rows) ->
                    r.shares().forEach(s -> rows.add(List.of(s.funderId(), s.funderName(), s.amountGbp(), s.share()))))
            .section("ending_within_year", List.of("funder_id", "practitioner_id", "end", "amount_gbp", "role", "host_agency",
                    "post"), (r, rows) ->
                    r.endingWithinYear().forEach(f -> rows.add(List.of(f.funder().id(), f.practitioner().id(), f.end(),
                            CellText.orEmpty(f.amountGbp()), f.post().role(), f.post().host() == null ? "" : f.post().host().name(),
                            f.post().description()))))
            .section("single_funder_places", List.of("borough_id", "borough", "setting_kind", "funder_id"), (r, rows) ->
                    r.singleFunderCells().forEach(c -> rows.add(List.of(c.boroughId(), c.boroughName(), c.kind(),
                            c.funders().isEmpty() ? "" : c.funders().get(0).id()))))
            .section("funder_loss", List.of("funder_id", "funder", "posts_ending", "cells_lost"), (r, rows) ->
                    r.funderLosses().forEach(f -> rows.add(List.of(f.funder().id(), f.funder().name(),
                            f.practitionersLost().size(), f.cellsLost().size()))));

    private FundingFragilityReport() {}

    static void table(PrintWriter out, FundingReport r, Names names) {
        out.printf("Funding fragility as of %s%s: %s active, concentration (HHI) %d%n", r.asOf(),
                names.inBorough(r.boroughId()), Words.pounds(r.fundingActiveGbp()), Math.round(r.hhi()));
        TextTable shares = new TextTable(TextTable.Column.text("funder", 44), TextTable.Column.text("amount", 12),
                TextTable.Column.text("share", 7));
        r.shares().forEach(s -> shares.row(s.funderName(), Words.pounds(s.amountGbp()), Words.percent(s.share())));
        shares.printIndented(out);
        out.println();
        out.printf("Posts whose funding ends within 12 months (%d rows)%n", r.endingWithinYear().size());
        TextTable ending = new TextTable(TextTable.Column.text("ends", 10), TextTable.Column.text("funder", 36),
                TextTable.Column.text("post", 70), TextTable.Column.text("practitioner", 20), TextTable.Column.text("amount", 12));
        r.endingWithinYear().forEach(f -> ending.row(f.end(), f.funder().name(), f.post().description(), f.practitioner().id(),
                Words.pounds(f.amountGbp())));
        if (!ending.isEmpty()) {
            ending.printIndented(out);
        }
        out.println();
        out.printf("Places resting on one funder (%d)%n", r.singleFunderCells().size());
        TextTable single = new TextTable(TextTable.Column.text("borough", 24), TextTable.Column.text("setting kind", 18),
                TextTable.Column.text("funder", 40), TextTable.Column.number("practitioners"));
        r.singleFunderCells().forEach(c -> single.row(c.boroughName(), c.kind().label(),
                c.funders().isEmpty() ? "" : c.funders().get(0).name(), c.practitioners().size()));
        if (!single.isEmpty()) {
            single.printIndented(out);
        }
        out.println();
        out.printf("What each funder's withdrawal would uncover (%d funders)%n", r.funderLosses().size());
        TextTable losses = new TextTable(TextTable.Column.text("funder", 36), TextTable.Column.number("posts ending"),
                TextTable.Column.text("places left with no cover", 90));
        r.funderLosses().forEach(f -> losses.row(f.funder().name(), f.practitionersLost().size(),
                f.cellsLost().stream().map(k -> names.place(k.boroughId(), k.boroughName(), k.kind())).collect(Collectors.joining("; "))));
        if (!losses.isEmpty()) {
            losses.printIndented(out);
        }
    }
}
