package bridgemap.cli;

import bridgemap.analysis.pathways.PathwayLevel;
import bridgemap.report.Json;
import bridgemap.report.Names;
import bridgemap.app.BridgemapApp;
import bridgemap.service.ResearchService;
import bridgemap.service.ResearchService.CohortRequest;
import bridgemap.privacy.Disclosure;
import bridgemap.report.CsvSections;
import bridgemap.report.PathwayFiles;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code bridgemap research pathways|compare}: researchers' pathways from the command line, as the API gives them. */
@Command(name = "research", mixinStandardHelpOptions = true,
        description = "Researchers' pathways: the chains of referrals of a cohort from its entry into the criminal-justice "
                + "pathway, grouped into pathway types, and one cohort against another (docs/analysis.md, \"Pathways\").",
        subcommands = {ResearchCommand.Pathways.class, ResearchCommand.Compare.class})
final class ResearchCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a question: pathways or compare");
    }

    enum Format { table, json, csv, graphml }

    /** Who the question is about. */
    static final class CohortOptions {
        @Option(names = "--need", paramLabel = "NEED", description = "A need of the combination (repeat, or separate with commas).")
        List<String> needs = new ArrayList<>();

        @Option(names = "--match", paramLabel = "all|any|exactly",
                description = "How a person's needs must meet the combination (default: all).")
        String match;

        @Option(names = "--borough", paramLabel = "NAME|GSS", description = "Only people of this borough.")
        String borough;

        @Option(names = "--entry", paramLabel = "KIND",
                description = "Only chains entering at this kind of setting (police_custody, magistrates_court, crown_court, "
                        + "probation_office, prison).")
        String entry;

        @Option(names = "--age-band", paramLabel = "BAND", description = "Only people of this age band (e.g. 18-24).")
        String ageBand;

        @Option(names = "--gender", paramLabel = "GENDER", description = "Only people of this gender.")
        String gender;

        @Option(names = "--financial-year", paramLabel = "YYYY/YY",
                description = "Chains entering in this financial year (e.g. 2013/14). Default: the last the data reaches.")
        String financialYear;

        @Option(names = "--year", paramLabel = "YYYY", description = "Chains entering in this calendar year.")
        String year;

        @Option(names = "--from", paramLabel = "YYYY-MM-DD", description = "Chains entering on or after this day (with --to).")
        String from;

        @Option(names = "--to", paramLabel = "YYYY-MM-DD", description = "Chains entering on or before this day (with --from).")
        String to;

        CohortRequest request() {
            return new CohortRequest(needs, match, borough, entry, ageBand, gender, financialYear, year, from, to);
        }
    }

    /** What sets the second cohort of a comparison apart; what it does not say is the first cohort's. */
    static final class VersusOptions {
        @Option(names = "--versus-need", paramLabel = "NEED", description = "The second cohort's need combination.")
        List<String> needs = new ArrayList<>();

        @Option(names = "--versus-match", paramLabel = "all|any|exactly", description = "How its needs must match.")
        String match;

        @Option(names = "--versus-borough", paramLabel = "NAME|GSS", description = "Its borough.")
        String borough;

        @Option(names = "--versus-entry", paramLabel = "KIND", description = "Its entry setting kind.")
        String entry;

        @Option(names = "--versus-age-band", paramLabel = "BAND", description = "Its age band.")
        String ageBand;

        @Option(names = "--versus-gender", paramLabel = "GENDER", description = "Its gender.")
        String gender;

        @Option(names = "--versus-financial-year", paramLabel = "YYYY/YY", description = "Its financial year.")
        String financialYear;

        CohortRequest request() {
            return new CohortRequest(needs, match, borough, entry, ageBand, gender, financialYear, null, null, null);
        }
    }

    /** What both questions share: the store, the output and the role. */
    abstract static class Question implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        StoreOptions storeOptions;

        @Mixin
        CohortOptions cohort;

        @Option(names = "--format", defaultValue = "table", description = "table, json, csv or graphml. Default: ${DEFAULT-VALUE}.")
        Format format;

        @Option(names = "--role", paramLabel = "ROLE",
                description = "researcher: under disclosure control, as a researcher's token gets it through the API.")
        String role;

        boolean researcher() {
            if (role != null && !role.equals("researcher")) {
                throw new IllegalArgumentException("--role: only researcher changes the output");
            }
            return role != null;
        }

        /** Prints the answer in the chosen form, from the JSON the role may see, and writes the audit entry. */
        int print(BridgemapApp app, String question, Object answer) throws Exception {
            ObjectMapper mapper = Json.mapper();
            JsonNode tree = researcher() ? Disclosure.control(mapper, answer) : mapper.valueToTree(answer);
            PrintWriter out = spec.commandLine().getOut();
            boolean pathways = question.equals("pathways");
            switch (format) {
                case json -> out.println(Json.pretty().writeValueAsString(tree));
                case csv -> {
                    CsvSections csv = pathways ? PathwayFiles.pathways(tree) : PathwayFiles.comparison(tree);
                    csv.print(out, null);
                }
                case graphml -> {
                    if (!pathways) {
                        throw new IllegalArgumentException("--format graphml: a comparison has no graph");
                    }
                    out.print(PathwayFiles.graphml(tree));
                }
                case table -> {
                    Names names = Names.of(app.analysis().snapshot(app.analysis().defaultAsOf()));
                    if (pathways) {
                        ResearchReport.pathways(out, tree, names);
                    } else {
                        ResearchReport.comparison(out, tree, names);
                    }
                }
            }
            out.flush();
            Map<String, Object> parameters = new LinkedHashMap<>();
            spec.commandLine().getParseResult().matchedOptions().forEach(o -> parameters.put(o.longestName(), o.getValue()));
            app.audit().record("cli:" + System.getProperty("user.name"), researcher() ? "researcher" : "admin",
                    "research " + question, parameters, "ok", 1);
            return BridgemapCommand.EXIT_OK;
        }
    }

    @Command(name = "pathways", mixinStandardHelpOptions = true,
            description = {"The pathway types a cohort's chains took, how many people followed each, how their chains ended "
                    + "and how long each step took.",
                    "Example: bridgemap research pathways --need psychosis --need substance_misuse --financial-year 2013/14"})
    static final class Pathways extends Question {
        @Option(names = "--level", paramLabel = "LEVEL",
                description = "sector, kind (default) or service (named services; not with --role researcher).")
        String level;

        @Option(names = "--top", paramLabel = "N", description = "Pathway types shown one by one (1–50, default 10).")
        String top;

        @Override
        public Integer call() throws Exception {
            try (BridgemapApp app = storeOptions.open()) {
                ResearchService research = app.research();
                PathwayLevel chosen = ResearchService.level(level);
                if (chosen == PathwayLevel.SERVICE && researcher()) {
                    throw new IllegalArgumentException("--level service names services, which can point at few people: "
                            + "researchers group by sector or kind");
                }
                var answer = research.pathways(research.cohort(cohort.request(), ""), chosen, ResearchService.top(top),
                        researcher());
                return print(app, "pathways", answer);
            }
        }
    }

    @Command(name = "compare", mixinStandardHelpOptions = true,
            description = {"One cohort against another: how each cohort's chains ended, brokered against direct entry, and "
                    + "the differences with 95% intervals. An association, not a cause.",
                    "Example: bridgemap research compare --need psychosis --need substance_misuse --versus-need psychosis "
                            + "--versus-match exactly --financial-year 2013/14"})
    static final class Compare extends Question {
        @Mixin
        VersusOptions versus;

        @Override
        public Integer call() throws Exception {
            try (BridgemapApp app = storeOptions.open()) {
                ResearchService research = app.research();
                CohortRequest first = cohort.request();
                CohortRequest second = first.overriddenBy(versus.request());
                if (second.equals(first)) {
                    throw new IllegalArgumentException("say how the second cohort differs: --versus-need, --versus-match, "
                            + "--versus-borough, --versus-entry, --versus-age-band, --versus-gender or --versus-financial-year");
                }
                return print(app, "compare", research.compare(research.cohort(first, ""), research.cohort(second, "versus-")));
            }
        }
    }
}
