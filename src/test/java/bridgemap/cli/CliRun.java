package bridgemap.cli;

import bridgemap.testing.TestStore;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;

/** The command line run in-process, with what it printed: its exit code, standard output and standard error. */
record CliRun(int exit, String out, String err) {

    /** Runs {@code bridgemap ARGS} against the shared test store, reached as an external Neo4j. */
    static CliRun run(String... args) {
        return run(TestStore.externalEnv(), args);
    }

    /** Runs {@code bridgemap ARGS} with {@code env} as its environment. */
    static CliRun run(Map<String, String> env, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        var cli = BridgemapCommand.commandLine(env);
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int exit = cli.execute(args);
        return new CliRun(exit, out.toString(), err.toString());
    }
}
