package bridgemap.cli;

import bridgemap.analysis.planning.WhatIfResult;
import bridgemap.report.Json;
import bridgemap.service.PlanningService;
import bridgemap.report.TextTable;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "scenarios", mixinStandardHelpOptions = true,
        description = "Saved what-if scenarios: list them, show one, re-run one on another day, delete one.",
        subcommands = {ScenarioCommand.ListScenarios.class, ScenarioCommand.Show.class, ScenarioCommand.Run.class,
                ScenarioCommand.Delete.class})
final class ScenarioCommand implements Runnable {

    enum Format { table, json }

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "say what to do: list, show, run or delete");
    }

    static void print(PrintWriter out, Format format, WhatIfResult result) {
        if (format == Format.json) {
            try {
                out.println(Json.pretty().writeValueAsString(result));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        } else {
            PlanningReport.whatIf(out, result);
        }
        out.flush();
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "The saved scenarios.")
    static final class ListScenarios implements Callable<Integer> {
        @Mixin
        StoreOptions storeOptions;

        @Override
        public Integer call() throws Exception {
            return storeOptions.run((app, out) -> {
                var saved = app.planning().list();
                if (saved.isEmpty()) {
                    out.println("No saved scenarios. Save one with `bridgemap whatif FILE --save`.");
                } else {
                    TextTable t = new TextTable(TextTable.Column.text("name", 40), TextTable.Column.number("changes"),
                            TextTable.Column.text("saved", 20), TextTable.Column.text("description", 60));
                    for (PlanningService.SavedScenario s : saved) {
                        t.row(s.name(), s.changes(), s.savedAt().toLocalDateTime().withNano(0).toString().replace('T', ' '),
                                s.description());
                    }
                    t.print(out);
                }
                return BridgemapCommand.EXIT_OK;
            });
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "A saved scenario's JSON.")
    static final class Show implements Callable<Integer> {
        @Mixin
        StoreOptions storeOptions;

        @Parameters(index = "0", paramLabel = "NAME")
        String name;

        @Override
        public Integer call() throws Exception {
            return storeOptions.run((app, out) -> {
                out.println(app.planning().get(name).json());
                return BridgemapCommand.EXIT_OK;
            });
        }
    }

    @Command(name = "run", mixinStandardHelpOptions = true, description = "Re-run a saved scenario, on another day if asked.")
    static final class Run implements Callable<Integer> {
        @Mixin
        StoreOptions storeOptions;

        @Parameters(index = "0", paramLabel = "NAME")
        String name;

        @Option(names = "--as-of", paramLabel = "YYYY-MM-DD", description = "The day (default: the latest referral date).")
        LocalDate asOf;

        @Option(names = "--borough", paramLabel = "NAME|GSS", description = "Only this borough.")
        String borough;

        @Option(names = "--format", defaultValue = "table", description = "table or json (default: ${DEFAULT-VALUE}).")
        Format format;

        @Override
        public Integer call() throws Exception {
            return storeOptions.run((app, out) -> {
                print(out, format, app.planning().run(name, app.analysis().scope(asOf, borough)));
                return BridgemapCommand.EXIT_OK;
            });
        }
    }

    @Command(name = "delete", mixinStandardHelpOptions = true, description = "Delete a saved scenario.")
    static final class Delete implements Callable<Integer> {
        @Mixin
        StoreOptions storeOptions;

        @Parameters(index = "0", paramLabel = "NAME")
        String name;

        @Override
        public Integer call() throws Exception {
            return storeOptions.run((app, out) -> {
                app.planning().delete(name);
                out.println("Deleted \"" + name + "\".");
                return BridgemapCommand.EXIT_OK;
            });
        }
    }
}
