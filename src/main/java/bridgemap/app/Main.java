package bridgemap.app;

import bridgemap.cli.BridgemapCommand;

/** {@code java -jar bridgemap.jar …}: runs the command line and exits with its code. */
public final class Main {

    private Main() {}

    public static void main(String[] args) {
        // Netty (inside the embedded Neo4j and the driver) needs this before it loads.
        System.setProperty("io.netty.tryReflectionSetAccessible", "true");
        System.exit(BridgemapCommand.commandLine().execute(args));
    }
}
