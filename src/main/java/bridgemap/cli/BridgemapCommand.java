package bridgemap.cli;

import java.io.PrintWriter;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code bridgemap}: the top-level command. Exit codes: 0 done, 2 bad input (nothing written), 1 failure. */
@Command(name = "bridgemap", mixinStandardHelpOptions = true, version = "Bridgemap 0.1.0",
        description = {"Bridgemap maps the referral network between criminal justice, health and social care "
                + "and finds where people fall through it."},
        subcommands = {ServeCommand.class, ImportCommand.class, ImportOpenReferralCommand.class, PseudonymiseCommand.class,
                DemoCommand.class, StatsCommand.class, AnalyzeCommand.class, ExportCommand.class, WhatIfCommand.class,
                ScenarioCommand.class, PlanCommand.class, TimelineCommand.class, ResearchCommand.class, TokenCommand.class,
                GenerateCommand.class,
                CommandLine.HelpCommand.class})
public final class BridgemapCommand implements Runnable {

    public static final int EXIT_OK = 0;
    public static final int EXIT_FAILURE = 1;
    public static final int EXIT_BAD_INPUT = 2;

    @picocli.CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private final Map<String, String> env;

    /** A command reading its configuration from {@code env} (the process environment in production). */
    public BridgemapCommand(Map<String, String> env) {
        this.env = Map.copyOf(env);
    }

    Map<String, String> env() {
        return env;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** A command line over the process environment, with Bridgemap's exit codes and error messages. */
    public static CommandLine commandLine() {
        return commandLine(System.getenv());
    }

    /** A command line configured from {@code env}, with Bridgemap's exit codes and error messages. */
    public static CommandLine commandLine(Map<String, String> env) {
        CommandLine cli = new CommandLine(new BridgemapCommand(env));
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            PrintWriter err = commandLine.getErr();
            if (e instanceof bridgemap.analysis.planning.ScenarioException scenario) {
                scenario.problems().forEach(err::println);
                err.println("bridgemap " + commandLine.getCommandName() + ": the scenario has " + scenario.problems().size()
                        + " problem" + (scenario.problems().size() == 1 ? "" : "s") + "; nothing was run.");
                err.flush();
                return EXIT_BAD_INPUT;
            }
            if (e instanceof bridgemap.store.DiskSpaceException disk) {
                err.println("bridgemap " + commandLine.getCommandName() + ": " + disk.getMessage());
                err.flush();
                return EXIT_FAILURE;
            }
            if (e instanceof bridgemap.store.StoreInUseException inUse) {
                // Plain words only: Neo4j's stack of component names helps nobody here (issue 20).
                err.println("bridgemap " + commandLine.getCommandName() + ": " + inUse.getMessage());
                err.flush();
                return EXIT_FAILURE;
            }
            err.println("bridgemap " + commandLine.getCommandName() + ": error: " + message(e));
            err.flush();
            return e instanceof IllegalArgumentException || e instanceof bridgemap.service.NotFoundException
                    ? EXIT_BAD_INPUT : EXIT_FAILURE;
        });
        return cli;
    }

    private static String message(Throwable e) {
        StringBuilder text = new StringBuilder(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        Throwable cause = e.getCause();
        while (cause != null && cause != e) {
            if (cause.getMessage() != null && !text.toString().contains(cause.getMessage())) {
                text.append(" (").append(cause.getMessage()).append(')');
            }
            e = cause;
            cause = cause.getCause();
        }
        return text.toString();
    }
}
