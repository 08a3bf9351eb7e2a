package bridgemap.cli;

import bridgemap.app.AppConfig;
import bridgemap.app.BridgemapApp;
import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code --data DIR}, shared by every command that opens the store. */
final class StoreOptions {

    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    @Option(names = "--data", paramLabel = "DIR",
            description = "Folder of the embedded Neo4j store (default: $BRIDGEMAP_DATA or ./bridgemap-data). "
                    + "Ignored when BRIDGEMAP_NEO4J_URI names an external Neo4j.")
    Path dataDir;

    BridgemapApp open() {
        return open(config -> config);
    }

    /** What a command does with the open store, printing to {@code out}; returns the exit code. */
    interface Work {
        int run(BridgemapApp app, PrintWriter out) throws Exception;
    }

    /** Opens the store, does {@code work} with it and the command's standard output, flushes that and closes the store. */
    int run(Work work) throws Exception {
        try (BridgemapApp app = open()) {
            PrintWriter out = mixee.commandLine().getOut();
            int exit = work.run(app, out);
            out.flush();
            return exit;
        }
    }

    /** Opens the store of the environment's configuration as {@code adjust} changes it. */
    BridgemapApp open(java.util.function.UnaryOperator<AppConfig> adjust) {
        return BridgemapApp.open(adjust.apply(AppConfig.fromEnvironment(env(), dataDir)));
    }

    /** The environment the command line was started with. */
    java.util.Map<String, String> env() {
        return ((BridgemapCommand) mixee.root().userObject()).env();
    }
}
