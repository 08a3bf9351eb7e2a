package bridgemap.cli;

import bridgemap.analysis.planning.ExpansionPlan;
import bridgemap.analysis.planning.ExpansionPlanner;
import bridgemap.report.Json;
import bridgemap.app.BridgemapApp;
import bridgemap.model.SettingKind;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "plan", mixinStandardHelpOptions = true,
        description = {"The expansion planner: where K new posts (borough × setting kind) would meet the most unmet demand, "
                + "by greedy maximum coverage, with each pick's marginal gain and the running total."})
final class PlanCommand implements Callable<Integer> {

    enum Demand { activity, cases, equal }

    @Spec
    CommandSpec spec;

    @Mixin
    StoreOptions storeOptions;

    @Option(names = "--posts", required = true, paramLabel = "K", description = "How many new posts (1–100).")
    int posts;

    @Option(names = "--as-of", paramLabel = "YYYY-MM-DD", description = "The day (default: the latest referral date).")
    LocalDate asOf;

    @Option(names = "--demand",
            description = "activity: estimated people with mental-health needs passing through uncovered settings in the year "
                    + "(activity figures × the flagged share or a documented prevalence, else the people referred); "
                    + "cases: people seen in the year at uncovered cells (each counted once); equal: each uncovered cell counts one. "
                    + "Default: activity when the data has activity figures, else cases.")
    Demand demand;

    @Option(names = "--setting-kinds", split = ",", paramLabel = "KIND",
            description = "Which setting kinds may get a post (default: police_custody,magistrates_court,crown_court,probation_office).")
    List<SettingKind> kinds = List.of(SettingKind.POLICE_CUSTODY, SettingKind.MAGISTRATES_COURT, SettingKind.CROWN_COURT,
            SettingKind.PROBATION_OFFICE);

    @Option(names = "--include-fragile", description = "Count fragile cells (one practitioner or funder) as unmet too.")
    boolean includeFragile;

    @Option(names = "--format", defaultValue = "table", description = "table, json or csv (default: ${DEFAULT-VALUE}).")
    AnalysisOptions.Format format;

    @Override
    public Integer call() throws Exception {
        try (BridgemapApp app = storeOptions.open()) {
            ExpansionPlan plan = app.planning().plan(asOf, posts,
                    demand == null ? null : ExpansionPlanner.Demand.valueOf(demand.name().toUpperCase(java.util.Locale.ROOT)),
                    kinds, includeFragile);
            PrintWriter out = spec.commandLine().getOut();
            switch (format) {
                case json -> out.println(Json.pretty().writeValueAsString(plan));
                case csv -> PlanningReport.planCsv(plan).print(out, null);
                case table -> PlanningReport.plan(out, plan);
            }
            out.flush();
            return BridgemapCommand.EXIT_OK;
        }
    }
}
