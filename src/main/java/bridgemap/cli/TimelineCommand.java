package bridgemap.cli;

import bridgemap.analysis.planning.TimelineResult;
import bridgemap.report.Json;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "timeline", mixinStandardHelpOptions = true,
        description = {"Change over time: one snapshot a year from the earliest dated fact to today — boroughs covered, posts, "
                + "FTE, funders, the funding mix and its concentration (HHI), holes by setting kind.",
                "CSV sections: years, funding_shares, holes_by_kind."})
final class TimelineCommand implements Callable<Integer> {

    @Mixin
    StoreOptions storeOptions;

    @Option(names = "--format", defaultValue = "table", description = "table, json or csv (default: ${DEFAULT-VALUE}).")
    AnalysisOptions.Format format;

    @Option(names = "--section", paramLabel = "NAME", description = "With --format csv: print only this table.")
    String section;

    @Override
    public Integer call() throws Exception {
        return storeOptions.run((app, out) -> {
            TimelineResult timeline = app.planning().timeline();
            switch (format) {
                case json -> out.println(Json.pretty().writeValueAsString(timeline));
                case csv -> PlanningReport.timelineCsv(timeline).print(out, section);
                case table -> PlanningReport.timeline(out, timeline);
            }
            return BridgemapCommand.EXIT_OK;
        });
    }
}
