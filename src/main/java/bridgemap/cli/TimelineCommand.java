package bridgemap.cli;

import bridgemap.analysis.planning.TimelineResult;
import bridgemap.report.Json;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "timeline", mixinStandardHelpOptions = true,
        description = {"Change over time: one snapshot a year from the earliest dated fact to the data's end — boroughs "
                + "covered, posts, FTE, funders, the funding mix and its concentration (HHI), holes by setting kind.",
                "CSV sections: years, funding_shares, holes_by_kind."})
final class TimelineCommand implements Callable<Integer> {

    /** How years are counted, as picocli reads it. */
    enum Years {
        calendar(TimelineResult.YearsBy.CALENDAR), financial(TimelineResult.YearsBy.FINANCIAL);

        final TimelineResult.YearsBy by;

        Years(TimelineResult.YearsBy by) {
            this.by = by;
        }
    }

    @Mixin
    StoreOptions storeOptions;

    @Option(names = "--years", defaultValue = "calendar", description = "calendar (a snapshot on the anniversary of the "
            + "latest referral, headed 2014) or financial (at each 31 March, headed 2013/14) (default: ${DEFAULT-VALUE}).")
    Years years;

    @Option(names = "--until", paramLabel = "YYYY-MM-DD", description = "Go on to this day; years after the data's end "
            + "are marked (default: the data's end).")
    LocalDate until;

    @Option(names = "--format", defaultValue = "table", description = "table, json or csv (default: ${DEFAULT-VALUE}).")
    AnalysisOptions.Format format;

    @Option(names = "--section", paramLabel = "NAME", description = "With --format csv: print only this table.")
    String section;

    @Override
    public Integer call() throws Exception {
        return storeOptions.run((app, out) -> {
            TimelineResult timeline = app.planning().timeline(years.by, until);
            switch (format) {
                case json -> out.println(Json.pretty().writeValueAsString(timeline));
                case csv -> TimelineReport.timelineCsv(timeline).print(out, section);
                case table -> TimelineReport.timeline(out, timeline);
            }
            return BridgemapCommand.EXIT_OK;
        });
    }
}
