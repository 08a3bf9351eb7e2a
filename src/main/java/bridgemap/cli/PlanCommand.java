package bridgemap.cli;

import bridgemap.analysis.planning.ExpansionPlan;
import bridgemap.analysis.planning.ExpansionPlanner;
import bridgemap.report.Json;
import bridgemap.app.BridgemapApp;
import bridgemap.ingest.ScenarioJson;
import bridgemap.model.Scenario;
import bridgemap.service.PlanningService;
import bridgemap.model.SettingKind;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
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
                + "by greedy maximum coverage, with each pick's marginal gain and the running total; after a what-if scenario "
                + "and within a budget if asked."})
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
                    + "cases: people seen in the year at uncovered places (borough × setting kind; each person counted once); equal: each uncovered place counts one. "
                    + "Default: activity when the data has activity figures, else cases.")
    Demand demand;

    @Option(names = "--setting-kinds", split = ",", paramLabel = "KIND",
            description = "Which setting kinds may get a post (default: police_custody,magistrates_court,crown_court,probation_office).")
    List<SettingKind> kinds = List.of(SettingKind.POLICE_CUSTODY, SettingKind.MAGISTRATES_COURT, SettingKind.CROWN_COURT,
            SettingKind.PROBATION_OFFICE);

    @Option(names = "--include-fragile", description = "Count fragile places (one practitioner or funder) as unmet too.")
    boolean includeFragile;

    @Option(names = "--scenario", paramLabel = "NAME|FILE",
            description = "Start from a what-if scenario: a scenario file (JSON, e.g. docs/scenarios/nhse-withdraws-2014.json) "
                    + "or the name of a saved one. The people it displaces count as demand where they came in.")
    String scenario;

    @Option(names = "--budget", paramLabel = "£",
            description = "The most the new posts may cost a year together, e.g. 250000, £250,000 or 250k; chosen by people "
                    + "met per pound.")
    String budget;

    @Option(names = "--cost-per-post", paramLabel = "£",
            description = "What a post costs a year (default: 1.0 FTE × the median funding a year per FTE of the funded posts).")
    String costPerPost;

    @Option(names = "--format", defaultValue = "table", description = "table, json or csv (default: ${DEFAULT-VALUE}).")
    AnalysisOptions.Format format;

    @Override
    public Integer call() throws Exception {
        Double budgetGbp = budget == null ? null : PlanningService.pounds("--budget", budget);
        Double costGbp = costPerPost == null ? null : PlanningService.pounds("--cost-per-post", costPerPost);
        try (BridgemapApp app = storeOptions.open()) {
            ExpansionPlan plan = app.planning().plan(asOf, posts,
                    demand == null ? null : ExpansionPlanner.Demand.valueOf(demand.name().toUpperCase(java.util.Locale.ROOT)),
                    kinds, includeFragile, scenario(app.planning()), costGbp, budgetGbp);
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

    /** The scenario file named by {@code --scenario}, else the saved scenario of that name; null without one. */
    private Scenario scenario(PlanningService planning) throws java.io.IOException {
        if (scenario == null) {
            return null;
        }
        Path file = Path.of(scenario);
        if (Files.isRegularFile(file)) {
            return ScenarioJson.parse(WhatIfCommand.readScenario(file));
        }
        if (scenario.endsWith(".json") || scenario.contains(java.io.File.separator)) {
            throw new IllegalArgumentException("--scenario: no such scenario file: " + scenario);
        }
        return planning.savedScenario("--scenario", scenario);
    }
}
