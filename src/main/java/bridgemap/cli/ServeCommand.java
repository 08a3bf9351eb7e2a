package bridgemap.cli;

import bridgemap.ingest.ImportService;
import bridgemap.api.ApiServer;
import bridgemap.app.BridgemapApp;
import io.javalin.Javalin;
import bridgemap.privacy.Tokens;
import bridgemap.store.EmbeddedNeo4j;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Serve the HTTP API and web view (embedded Neo4j unless BRIDGEMAP_NEO4J_URI is set); "
                + "with --bolt-port, the embedded store's Bolt endpoint too, with authentication, for Neo4j's own tools.",
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

    @Option(names = "--bolt-port", paramLabel = "PORT",
            description = "Expose the embedded store's Bolt endpoint on PORT (e.g. 7687) for Neo4j Browser, Desktop, Bloom "
                    + "or cypher-shell, with authentication: user neo4j, password $BRIDGEMAP_BOLT_PASSWORD, or one generated "
                    + "and printed at start.")
    Integer boltPort;

    @Option(names = "--bolt-websocket",
            description = "With --bolt-port, accept Bolt over WebSocket too, as Neo4j Browser (browser.neo4j.io) connects; "
                    + "off by default, so that no web page can reach the store.")
    boolean boltWebSocket;

    @Option(names = "--bolt-host", defaultValue = "127.0.0.1",
            description = "Address the exposed Bolt endpoint listens on (default: ${DEFAULT-VALUE}, this machine only). "
                    + "Bolt is not encrypted: prefer loopback and an SSH tunnel to opening it to a network.")
    String boltHost;

    @Option(names = "--tokens-file", paramLabel = "FILE",
            description = "API tokens (ID ROLE SHA256, see `bridgemap token add`); default $BRIDGEMAP_TOKENS_FILE. "
                    + "Without tokens the server listens on 127.0.0.1 only and every local caller has full access.")
    Path tokensFile;

    @Option(names = "--public-name", paramLabel = "NAME",
            description = "A host name this server is reached by (e.g. bridgemap.trust.nhs.uk), besides localhost, IP "
                    + "addresses and --host; repeatable; default $BRIDGEMAP_PUBLIC_NAMES (comma-separated). Requests that "
                    + "name any other host get 421, which stops DNS rebinding.")
    List<String> publicNames = new ArrayList<>();

    @Option(names = "--max-upload-mb", defaultValue = "256",
            description = "Largest bundle .zip accepted by POST /api/imports, in MiB (default: ${DEFAULT-VALUE}); larger uploads get 413.")
    long maxUploadMb;

    private Path envPath(String name) {
        String value = ((BridgemapCommand) spec.root().userObject()).env().get(name);
        return value == null || value.isBlank() ? null : Path.of(value);
    }

    private String auditLogPath() {
        return bridgemap.app.AppConfig.fromEnvironment(((BridgemapCommand) spec.root().userObject()).env(),
                storeOptions.dataDir).auditLog().toAbsolutePath().normalize().toString();
    }

    static boolean isLoopback(String host) {
        return host.equals("127.0.0.1") || host.equals("localhost") || host.equals("::1") || host.startsWith("127.");
    }

    @Override
    public Integer call() throws InterruptedException, java.io.IOException {
        PrintWriter out = spec.commandLine().getOut();
        if (boltWebSocket && boltPort == null) {
            throw new ParameterException(spec.commandLine(), "--bolt-websocket needs --bolt-port: without it, the "
                    + "store's Bolt endpoint is for Bridgemap alone");
        }
        String boltPassword = boltPort == null ? null : boltPassword();
        BridgemapApp app = boltPort == null ? storeOptions.open()
                : storeOptions.open(config -> config.withExposedBolt(boltHost, boltPort, boltPassword, boltWebSocket));
        Javalin server;
        try {
            out.println("Store: " + app.store().description());
            if (boltPort != null) {
                URI bolt = app.store().embeddedBoltUri().orElseThrow();
                app.audit().record("cli:" + System.getProperty("user.name"), "admin", "bolt endpoint opened",
                        Map.of("host", boltHost, "port", bolt.getPort(), "webSocket", boltWebSocket), "opened", 0);
                boolean generated = !boltPassword.equals(storeOptions.env().get("BRIDGEMAP_BOLT_PASSWORD"));
                out.printf("Neo4j Bolt for Neo4j Browser, Desktop, Bloom and cypher-shell: %s, user %s, password %s%n",
                        bolt, EmbeddedNeo4j.USER,
                        generated ? boltPassword + " (generated for this run; set BRIDGEMAP_BOLT_PASSWORD to choose one)"
                                : "from BRIDGEMAP_BOLT_PASSWORD");
                out.println(boltWebSocket ? "Bolt over WebSocket is on (--bolt-websocket): Neo4j Browser can connect."
                        : "Bolt over WebSocket is off: Neo4j Browser and Bloom need --bolt-websocket; cypher-shell and "
                                + "the drivers do not.");
                if (!isLoopback(boltHost)) {
                    out.printf("Warning: Bolt listens on %s without encryption; anyone who can reach the port sees the "
                            + "traffic and can try the password.%n", boltHost);
                }
            }
            out.flush();
            if (demo) {
                ProgressBar bar = ProgressBar.onStderr();
                app.loadDemoIfEmpty(bar, ImportService.BulkMode.AUTO).ifPresentOrElse(result -> {
                    bar.finish();
                    Summaries.printImport(out, result);
                }, () -> out.println("Store already holds data; the demo was not loaded again."));
            }
            Path tokenPath = tokensFile != null ? tokensFile : envPath("BRIDGEMAP_TOKENS_FILE");
            Tokens tokens = tokenPath == null ? Tokens.NONE : Tokens.load(tokenPath);
            String listen = host;
            if (tokens.isEmpty()) {
                if (!isLoopback(host)) {
                    out.println("No API tokens are configured, so Bridgemap listens on 127.0.0.1 only (not " + host + ").");
                    listen = "127.0.0.1";
                }
                out.println("No API tokens: every caller on this machine has full access. To share the server, create "
                        + "tokens with `bridgemap token add` and start with --tokens-file.");
            } else {
                out.println("API tokens: " + tokens.size() + " from " + tokenPath + ".");
            }
            List<String> names = publicNames();
            if (!names.isEmpty()) {
                out.println("Answers for: localhost, IP addresses, " + String.join(", ", names) + ".");
            } else if (!isLoopback(listen)) {
                out.println("Requests must name this server by IP address or --host; add --public-name NAME for each other "
                        + "host name it is reached by.");
            }
            out.println("Audit log: " + auditLogPath() + ".");
            out.flush();
            host = listen;
            app.analysis().keepProjection(); // any day's snapshot from memory once built (issue 17 item 1)
            server = ApiServer.create(app, new ApiServer.Options(listen, port, maxUploadMb << 20, tokens, app.audit(), names)).start();
        } catch (RuntimeException e) {
            app.close();
            throw e;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        PrintWriter err = spec.commandLine().getErr();
        // SIGTERM or Ctrl-C: the HTTP server first (requests in flight finish, up to ApiServer.STOP_TIMEOUT), then the
        // store, closed cleanly so that the next start has nothing to recover (issue 20).
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                out.println("Stopping: letting requests in flight finish, then closing the store.");
                out.flush();
                server.stop();
            } catch (RuntimeException e) {
                err.println("bridgemap serve: the HTTP server did not stop cleanly: " + e.getMessage());
            } finally {
                try {
                    app.close();
                    out.println("Stopped.");
                } catch (RuntimeException e) {
                    err.println("bridgemap serve: " + e.getMessage());
                } finally {
                    out.flush();
                    err.flush();
                    stopped.countDown();
                }
            }
        }, "bridgemap-shutdown"));
        out.printf("Bridgemap is serving http://%s:%d/ (API under /api). Ctrl-C stops it.%n",
                host.contains(":") ? "[" + host + "]" : host, server.port());
        out.flush();
        stopped.await();
        return BridgemapCommand.EXIT_OK;
    }

    /** --public-name, or else BRIDGEMAP_PUBLIC_NAMES split at commas and spaces. */
    private List<String> publicNames() {
        if (!publicNames.isEmpty()) {
            return publicNames;
        }
        String names = storeOptions.env().get("BRIDGEMAP_PUBLIC_NAMES");
        return names == null ? List.of() : Arrays.stream(names.split("[,\\s]+")).filter(n -> !n.isBlank()).toList();
    }

    /** BRIDGEMAP_BOLT_PASSWORD, or 24 random URL-safe characters. */
    private String boltPassword() {
        String given = storeOptions.env().get("BRIDGEMAP_BOLT_PASSWORD");
        if (given != null && !given.isBlank()) {
            return given;
        }
        byte[] random = new byte[18];
        new SecureRandom().nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }
}
