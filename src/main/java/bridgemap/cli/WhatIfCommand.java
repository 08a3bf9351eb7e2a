package bridgemap.cli;

import bridgemap.analysis.planning.ScenarioException;
import bridgemap.service.AnalysisService;
import bridgemap.app.BridgemapApp;
import bridgemap.ingest.ScenarioJson;
import bridgemap.model.Scenario;
import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
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

    /** Largest scenario file read: far more than {@code ScenarioJson} accepts (1 M characters, 1,000 changes). */
    static final long MAX_FILE_BYTES = 4L << 20;

    @Spec
    CommandSpec spec;

    @Mixin
    StoreOptions storeOptions;

    @Parameters(index = "0", paramLabel = "FILE", description = "The scenario (JSON).")
    Path file;

    @Option(names = "--as-of", paramLabel = "YYYY-MM-DD", description = "The day (default: the latest referral date).")
    LocalDate asOf;

    @Option(names = "--borough", paramLabel = "NAME|GSS", description = "Only this borough.")
    String borough;

    @Option(names = "--save", description = "Also save the scenario under its name, to list and re-run later.")
    boolean save;

    @Option(names = "--format", defaultValue = "table", description = "table or json (default: ${DEFAULT-VALUE}).")
    ScenarioCommand.Format format;

    @Override
    public Integer call() throws IOException {
        Scenario scenario = ScenarioJson.parse(readScenario(file));
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

    /** The scenario file's text; a missing, huge or non-UTF-8 file is bad input, refused before it is read whole. */
    static String readScenario(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("no such scenario file: " + file);
        }
        if (Files.size(file) > MAX_FILE_BYTES) {
            throw new ScenarioException(List.of(file.getFileName() + ": " + Files.size(file)
                    + " bytes; a scenario is a small JSON file (at most " + MAX_FILE_BYTES + " bytes)"));
        }
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (MalformedInputException e) {
            throw new ScenarioException(List.of(file.getFileName() + ": not valid UTF-8; save the scenario as UTF-8"));
        }
    }
}
