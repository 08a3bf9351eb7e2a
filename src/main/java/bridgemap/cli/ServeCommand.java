package bridgemap.cli;

import bridgemap.api.ApiServer;
import bridgemap.app.BridgemapApp;
import io.javalin.Javalin;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Serve the HTTP API and web view (embedded Neo4j unless BRIDGEMAP_NEO4J_URI is set).",
                "Stops cleanly on Ctrl-C or SIGTERM."})
final class ServeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    StoreOptions storeOptions;

    @Option(names = "--port", defaultValue = "7070", description = "HTTP port (default: ${DEFAULT-VALUE}; 0 picks a free one).")
    int port;

    @Option(names = "--host", defaultValue = "127.0.0.1",
            description = "Address to listen on (default: ${DEFAULT-VALUE}, this machine only).")
    String host;

    @Option(names = "--demo", description = "Load the London demo bundle first if the store is empty.")
    boolean demo;

    @Option(names = "--max-upload-mb", defaultValue = "256",
            description = "Largest bundle .zip accepted by POST /api/imports, in MiB (default: ${DEFAULT-VALUE}); larger uploads get 413.")
    long maxUploadMb;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        BridgemapApp app = storeOptions.open();
        Javalin server;
        try {
            out.println("Store: " + app.store().description());
            out.flush();
            if (demo) {
                ProgressBar bar = ProgressBar.onStderr();
                app.loadDemoIfEmpty(bar).ifPresentOrElse(result -> {
                    bar.finish();
                    Summaries.printImport(out, result);
                }, () -> out.println("Store already holds data; the demo was not loaded again."));
            }
            server = ApiServer.create(app, host, port, maxUploadMb << 20).start();
        } catch (RuntimeException e) {
            app.close();
            throw e;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                server.stop();
            } finally {
                app.close();
                stopped.countDown();
            }
        }, "bridgemap-shutdown"));
        out.printf("Bridgemap is serving http://%s:%d/ (API under /api). Ctrl-C stops it.%n",
                host.contains(":") ? "[" + host + "]" : host, server.port());
        out.flush();
        stopped.await();
        return BridgemapCommand.EXIT_OK;
    }
}
