package bridgemap.cli;

import bridgemap.app.AppConfig;
import bridgemap.app.BridgemapApp;
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

    /** Opens the store of the environment's configuration as {@code adjust} changes it. */
    BridgemapApp open(java.util.function.UnaryOperator<AppConfig> adjust) {
        return BridgemapApp.open(adjust.apply(AppConfig.fromEnvironment(env(), dataDir)));
    }

    /** The environment the command line was started with. */
    java.util.Map<String, String> env() {
        return ((BridgemapCommand) mixee.root().userObject()).env();
    }
}
