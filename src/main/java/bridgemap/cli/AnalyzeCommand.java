package bridgemap.cli;

import bridgemap.report.Json;
import bridgemap.report.Names;
import bridgemap.service.AnalysisService;
import bridgemap.app.BridgemapApp;
import bridgemap.catalogue.Analyses;
import bridgemap.catalogue.Analysis;
import bridgemap.privacy.Disclosure;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code bridgemap analyze NAME}: one subcommand for each analysis of the catalogue ({@link Analyses}), named and
 * described by it, added as the command line is built ({@link Catalogue}).
 */
@Command(name = "analyze", mixinStandardHelpOptions = true,
        description = {"The analyses of the referral network as of a day, one command each (below).",
                "Definitions: docs/analysis.md."},
        modelTransformer = AnalyzeCommand.Catalogue.class)
final class AnalyzeCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(),
                "name an analysis: " + String.join(", ", Analyses.names()));
    }

    /** Adds a subcommand for each analysis of the catalogue, with its summary and CSV sections as its help. */
    static final class Catalogue implements CommandLine.IModelTransformer {

        @Override
        public CommandSpec transform(CommandSpec analyze) {
            for (Analysis<?> analysis : Analyses.ALL) {
                CommandLine command = new CommandLine(new Run<>(analysis));
                // Help texts are format strings: a summary's "95%" would be read as a format.
                command.getCommandSpec().usageMessage().description(analysis.summary().replace("%", "%%"),
                        "CSV sections: " + String.join(", ", analysis.csvSections()) + ".");
                analyze.addSubcommand(analysis.name(), command);
            }
            return analyze;
        }
    }

    /** Runs one analysis and prints it as tables, JSON or CSV sections. */
    @Command(mixinStandardHelpOptions = true)
    static final class Run<R> implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Mixin
        StoreOptions storeOptions;

        @Mixin
        AnalysisOptions options;

        private final Analysis<R> analysis;

        Run(Analysis<R> analysis) {
            this.analysis = analysis;
        }

        @Override
        public Integer call() throws Exception {
            try (BridgemapApp app = storeOptions.open()) {
                AnalysisService service = app.analysis();
                PrintWriter out = spec.commandLine().getOut();
                if (options.role != null) {
                    if (!options.role.equals("researcher")) {
                        throw new IllegalArgumentException("--role: only researcher changes the output");
                    }
                    if (options.format != AnalysisOptions.Format.json && spec.commandLine().getParseResult().hasMatchedOption("--format")) {
                        throw new IllegalArgumentException("--role researcher gives JSON under disclosure control; drop --format");
                    }
                    // Researchers' days are month ends (privacy.Disclosure#researcherDay), as through the API.
                    LocalDate day = Disclosure.researcherDay(options.asOf == null ? service.defaultAsOf() : options.asOf);
                    R result = service.result(analysis, service.scope(day, options.borough));
                    var mapper = Json.pretty();
                    out.println(mapper.writeValueAsString(Disclosure.control(mapper, result)));
                    out.flush();
                    return BridgemapCommand.EXIT_OK;
                }
                R result = service.result(analysis, service.scope(options.asOf, options.borough));
                switch (options.format) {
                    case json -> out.println(Json.pretty().writeValueAsString(result));
                    case csv -> analysis.csv(result).print(out, options.section);
                    case table -> analysis.table(out, result, Names.of(service.snapshot(service.scope(options.asOf, null).asOf())));
                }
                out.flush();
                return BridgemapCommand.EXIT_OK;
            }
        }
    }
}
