package bridgemap.cli;

import bridgemap.api.Json;
import bridgemap.app.AnalysisService;
import bridgemap.app.BridgemapApp;
import bridgemap.report.AnalysisCsv;
import bridgemap.privacy.Disclosure;
import bridgemap.report.CsvSections;
import java.time.LocalDate;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "analyze", mixinStandardHelpOptions = true,
        description = {"Where people fall through the net (gaps), who holds the network together (bottlenecks), "
                + "where cover is missing (coverage), and whether brokered referrals fare better (outcomes), as of a day.",
                "Definitions: docs/analysis.md."},
        subcommands = {AnalyzeCommand.Gaps.class, AnalyzeCommand.Bottlenecks.class, AnalyzeCommand.Coverage.class,
                AnalyzeCommand.Outcomes.class, AnalyzeCommand.Funding.class})
final class AnalyzeCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name an analysis: gaps, bottlenecks, coverage or outcomes");
    }

    /** Runs one analysis and prints it in the chosen format. */
    abstract static class Analysis<R> implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Mixin
        StoreOptions storeOptions;

        @Mixin
        AnalysisOptions options;

        private final BiFunction<BridgemapApp, AnalysisService.Scope, R> analysis;
        private final BiConsumer<PrintWriter, R> table;
        private final Function<R, CsvSections> csv;

        Analysis(BiFunction<BridgemapApp, AnalysisService.Scope, R> analysis, BiConsumer<PrintWriter, R> table,
                Function<R, CsvSections> csv) {
            this.analysis = analysis;
            this.table = table;
            this.csv = csv;
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
                    R result = analysis.apply(app, service.scope(day, options.borough));
                    var mapper = Json.mapper().enable(SerializationFeature.INDENT_OUTPUT);
                    out.println(mapper.writeValueAsString(Disclosure.control(mapper, result)));
                    out.flush();
                    return BridgemapCommand.EXIT_OK;
                }
                R result = analysis.apply(app, service.scope(options.asOf, options.borough));
                switch (options.format) {
                    case json -> out.println(Json.mapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(result));
                    case csv -> csv.apply(result).print(out, options.section);
                    case table -> table.accept(out, result);
                }
                out.flush();
                return BridgemapCommand.EXIT_OK;
            }
        }
    }

    @Command(name = "bottlenecks", mixinStandardHelpOptions = true,
            description = {"Brokerage bottlenecks on the referral graph: betweenness, cut vertices and bridges, "
                    + "the criminal-justice → health broker cut, Gould–Fernandez roles, Burt's constraint, referrals per FTE, "
                    + "and what each criminal-justice setting's routes to health rest on.",
                    "CSV sections: nodes, bridges, broker_cut, entry_routes."})
    static final class Bottlenecks extends Analysis<bridgemap.analysis.bottlenecks.BottlenecksResult> {
        Bottlenecks() {
            super((app, scope) -> app.analysis().bottlenecks(scope), BottlenecksReport::table, AnalysisCsv::bottlenecks);
        }
    }

    @Command(name = "gaps", mixinStandardHelpOptions = true,
            description = {"Fall-through-the-net gaps: need combinations no service takes (\\\"between two stools\\\"), "
                    + "dead ends, hand-offs that lose people, and courts and custody suites from which no accepting service is reachable.",
                    "CSV sections: conflicts, dead_ends_by_borough, dead_ends_by_hand_off, dead_end_targets, hand_offs, unreachable."})
    static final class Gaps extends Analysis<bridgemap.analysis.gaps.GapsResult> {
        Gaps() {
            super((app, scope) -> app.analysis().gaps(scope), GapsReport::table, AnalysisCsv::gaps);
        }
    }

    @Command(name = "coverage", mixinStandardHelpOptions = true,
            description = {"Coverage holes: borough × setting kind cover by practitioners and funders, fragile cells, "
                    + "funding ending within 12 months, and what each practitioner's or funder's loss would uncover.",
                    "CSV sections: cells, uncovered_settings, funding_ending, practitioner_loss, funder_loss."})
    static final class Coverage extends Analysis<bridgemap.analysis.coverage.CoverageResult> {
        Coverage() {
            super((app, scope) -> app.analysis().coverage(scope), CoverageReport::table, AnalysisCsv::coverage);
        }
    }

    @Command(name = "outcomes", mixinStandardHelpOptions = true,
            description = {"What brokers add: for each cross-sector hand-off, acceptance and dead-end rates of brokered "
                    + "against direct referrals, with counts and Wilson 95% intervals. An association, not a cause.",
                    "CSV sections: outcomes."})
    static final class Outcomes extends Analysis<bridgemap.analysis.outcomes.OutcomesResult> {
        Outcomes() {
            super((app, scope) -> app.analysis().outcomes(scope), OutcomesReport::table, AnalysisCsv::outcomes);
        }
    }

    @Command(name = "funding", mixinStandardHelpOptions = true,
            description = {"Funding fragility: the funding mix and its concentration (HHI), posts whose funding ends within "
                    + "12 months, cells resting on one funder, and what each funder's withdrawal would uncover.",
                    "CSV sections: shares, ending_within_year, single_funder_cells, funder_loss."})
    static final class Funding extends Analysis<bridgemap.analysis.planning.FundingReport> {
        Funding() {
            super((app, scope) -> app.planning().funding(scope), PlanningReport::funding, AnalysisCsv::funding);
        }
    }
}
