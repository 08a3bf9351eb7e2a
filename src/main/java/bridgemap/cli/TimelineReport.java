package bridgemap.cli;

import bridgemap.analysis.planning.TimelineResult;
import bridgemap.report.CsvSections;
import bridgemap.report.TextTable;
import bridgemap.report.Words;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;

/** The timeline as a table for people and as CSV sections for tools. */
final class TimelineReport {

    private TimelineReport() {}

    static void timeline(PrintWriter out, TimelineResult r) {
        boolean financial = r.yearsBy() == TimelineResult.YearsBy.FINANCIAL;
        out.println(financial ? "Cover and funding by financial year (April–March), at each year's end"
                : "Cover and funding, year by year");
        if (r.years().isEmpty()) {
            out.println("  No dated facts stored.");
            return;
        }
        out.println(dataEnds(r));
        out.println();
        TextTable t = new TextTable(TextTable.Column.text("year", 24), TextTable.Column.text("date", 10),
                TextTable.Column.number("boroughs"), TextTable.Column.number("posts"), TextTable.Column.number("FTE"),
                TextTable.Column.number("funders"), TextTable.Column.text("funding", 12),
                TextTable.Column.text("largest funder", 40), TextTable.Column.number("HHI"),
                TextTable.Column.number("no cover"), TextTable.Column.number("fragile"));
        for (var y : r.years()) {
            String largest = y.fundingShares().isEmpty() ? "" : y.fundingShares().get(0).funderName() + " "
                    + Words.percent(y.fundingShares().get(0).share());
            t.row(y.label() + (y.afterData() ? " (after the data)" : ""), y.date(), y.boroughsWithCover(), y.posts(), y.fte(),
                    y.funders(), funding(y), largest, y.funders() == 0 ? null : Math.round(y.hhi()), y.holes(), y.fragile());
        }
        t.printIndented(out);
        out.println();
        out.println("HHI: funding concentration, Σ (100 × share)², from near 0 (many equal funders) to 10,000 (one funder).");
        int notRecorded = r.years().stream().mapToInt(TimelineResult.Year::postsFundingNotRecorded).max().orElse(0);
        if (notRecorded > 0) {
            out.println("\"not recorded\": posts in post with no funding row on the day; their funding is not recorded, "
                    + "not known to be nil.");
        }
    }

    /** "The data ends on 2015-03-31 …", and a warning when years after it were asked for. */
    static String dataEnds(TimelineResult r) {
        if (r.latestData() == null) {
            return "No post, placement or funding row is dated.";
        }
        String ends = "The data ends on " + r.latestData() + " (its last dated post, placement or funding row).";
        return r.years().stream().anyMatch(TimelineResult.Year::afterData)
                ? ends + " Years after it, asked for up to " + r.end() + ", are beyond the data: they show only what was "
                        + "left open-ended."
                : ends;
    }

    /** "£402,570", with "+ N not recorded" when posts have no funding row; "not recorded" when none has. */
    static String funding(TimelineResult.Year y) {
        if (y.postsFundingNotRecorded() == 0) {
            return Words.pounds(y.fundingGbp());
        }
        String missing = y.postsFundingNotRecorded() + (y.postsFundingNotRecorded() == 1 ? " post" : " posts") + " not recorded";
        return y.funders() == 0 ? "not recorded" : Words.pounds(y.fundingGbp()) + " + " + missing;
    }

    static CsvSections timelineCsv(TimelineResult r) {
        CsvSections csv = new CsvSections();
        List<List<Object>> years = csv.section("years", "year", "date", "after_data", "boroughs_with_cover", "posts", "fte",
                "funders", "funding_gbp", "posts_funding_not_recorded", "hhi", "places", "holes", "fragile");
        List<List<Object>> shares = csv.section("funding_shares", "date", "funder_id", "funder", "amount_gbp", "share",
                "series_id");
        List<List<Object>> holes = csv.section("holes_by_kind", "date", "setting_kind", "holes");
        for (var y : r.years()) {
            years.add(List.of(y.label(), y.date(), y.afterData(), y.boroughsWithCover(), y.posts(), y.fte(), y.funders(),
                    y.fundingGbp(), y.postsFundingNotRecorded(), y.hhi(), y.cells(), y.holes(), y.fragile()));
            y.fundingShares().forEach(s -> shares.add(List.of(y.date(), s.funderId(), s.funderName(), s.amountGbp(), s.share(),
                    s.seriesId())));
            y.holesByKind().entrySet().stream().sorted(Map.Entry.comparingByKey())
                    .forEach(e -> holes.add(List.of(y.date(), e.getKey(), e.getValue())));
        }
        return csv;
    }
}
