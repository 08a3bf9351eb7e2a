package bridgemap.cli;

import bridgemap.app.AnalysisService;
import bridgemap.app.BridgemapApp;
import bridgemap.app.ScenarioJson;
import bridgemap.model.Scenario;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "whatif", mixinStandardHelpOptions = true,
        description = {"Try changes before making them: add a post, remove a practitioner, withdraw a funder, add or remove "
                + "a partnership, close a setting — and see coverage, gaps and bottlenecks before and after. The store is "
                + "never changed.",
                "FILE is a scenario in JSON, e.g. {\"name\": \"nhse-withdraws\", \"changes\": "
                        + "[{\"type\": \"withdraw_funder\", \"funder\": \"fund-nhse\"}]} (see README, 'What-if scenarios')."})
final class WhatIfCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    StoreOptions storeOptions;

    @Parameters(index = "0", paramLabel = "FILE", description = "The scenario (JSON).")
    Path file;

    @Option(names = "--as-of", paramLabel = "YYYY-MM-DD", description = "The day (default: the latest referral date).")
    LocalDate asOf;

    @Option(names = "--borough", paramLabel = "GSS", description = "Only this borough.")
    String borough;

    @Option(names = "--save", description = "Also save the scenario under its name, to list and re-run later.")
    boolean save;

    @Option(names = "--format", defaultValue = "table", description = "table or json (default: ${DEFAULT-VALUE}).")
    ScenarioCommand.Format format;

    @Override
    public Integer call() throws IOException {
        Scenario scenario = ScenarioJson.parse(Files.readString(file, StandardCharsets.UTF_8));
        try (BridgemapApp app = storeOptions.open()) {
            AnalysisService.Scope scope = app.analysis().scope(asOf, borough);
            var result = app.planning().whatIf(scenario, scope);
            if (save) {
                app.planning().save(scenario);
            }
            ScenarioCommand.print(spec.commandLine().getOut(), format, result);
            if (save) {
                spec.commandLine().getOut().println("Saved as \"" + scenario.name() + "\".");
            }
            return BridgemapCommand.EXIT_OK;
        }
    }
}
