package bridgemap.testing;

import bridgemap.app.AppConfig;
import bridgemap.app.BridgemapApp;
import bridgemap.ingest.BundleRejectedException;
import bridgemap.ingest.ImportResult;
import bridgemap.model.ProgressListener;
import bridgemap.store.StoreStats;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The one embedded Neo4j of a test JVM (starting one takes seconds): opened on first use in a temp
 * folder, closed and deleted when the JVM ends. Test classes that need an empty store call {@link #clear()}.
 */
public final class TestStore {

    /** The shared store's Bolt endpoint is opened with this password so that tests can reach it as an "external" Neo4j. */
    private static final String BOLT_PASSWORD = "shared-test-store";
    private static BridgemapApp app;
    private static Path dir;
    private static boolean holdsDemoOnly;

    private TestStore() {}

    /** The shared application over the shared embedded store. */
    public static synchronized BridgemapApp app() {
        if (app == null) {
            try {
                dir = Files.createTempDirectory("bridgemap-test-store");
                // One fixed disclosure key, so that researchers' figures (their noise) are the same in every run.
                Files.writeString(dir.resolve("disclosure.key"), java.util.Base64.getEncoder().encodeToString(
                        "bridgemap test store disclosure key!".getBytes(java.nio.charset.StandardCharsets.US_ASCII)) + "\n");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            app = BridgemapApp.open(AppConfig.fromEnvironment(Map.of(), dir)
                    .withExposedBolt("127.0.0.1", 0, BOLT_PASSWORD, false));
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                app.close();
                deleteTree(dir);
            }, "test-store-shutdown"));
        }
        return app;
    }

    /** The shared store's Bolt address, to reach it as an "external" Neo4j. */
    public static URI boltUri() {
        return app().store().embeddedBoltUri().orElseThrow();
    }

    /**
     * An environment that points the command line at the shared store through {@code BRIDGEMAP_NEO4J_URI}, user and
     * password, with the store's disclosure key (as a command run beside a server shares its data folder).
     */
    public static Map<String, String> externalEnv() {
        return Map.of("BRIDGEMAP_NEO4J_URI", boltUri().toString(), "BRIDGEMAP_NEO4J_USER", "neo4j",
                "BRIDGEMAP_NEO4J_PASSWORD", BOLT_PASSWORD,
                "BRIDGEMAP_DISCLOSURE_KEY", dir.resolve("disclosure.key").toString());
    }

    /**
     * Makes the store hold exactly the London demo, loading it only when needed, so test classes that
     * read the demo share one load (about 20 s).
     */
    public static synchronized void demo() {
        if (!holdsDemoOnly) {
            clear();
            app().loadDemo(ProgressListener.NONE);
            holdsDemoOnly = true;
        }
    }

    /** Deletes every node and relationship. */
    public static synchronized void clear() {
        holdsDemoOnly = false;
        try (var session = app().store().session()) {
            session.run(testCypher("delete-all")).consume();
        }
        // What the server had cached of the old content is dropped, as an import does.
        app().analysis().invalidate();
    }

    /** The API over the shared store holding only the {@code tiny} bundle, started on a free loopback port. */
    public static io.javalin.Javalin serveTiny() throws BundleRejectedException {
        clear();
        importBundle("tiny");
        return bridgemap.api.ApiServer.create(app(), "127.0.0.1", 0).start();
    }

    public static StoreStats stats() {
        return app().stats().stats();
    }

    /** Imports a bundle from {@code src/test/resources/bundles/NAME}. */
    public static ImportResult importBundle(String name) throws BundleRejectedException {
        holdsDemoOnly = false;
        return app().imports().importPath(bundlePath(name), ProgressListener.NONE);
    }

    public static Path bundlePath(String name) {
        return Path.of("src/test/resources/bundles", name);
    }

    /** A Cypher file from {@code src/test/resources/cypher-test/}. */
    public static String testCypher(String name) {
        try (InputStream in = TestStore.class.getClassLoader().getResourceAsStream("cypher-test/" + name + ".cypher")) {
            if (in == null) {
                throw new IllegalArgumentException("no test Cypher file " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Copies a test bundle into {@code target} so a test can spoil one file. */
    public static Path copyBundle(String name, Path target) {
        try (Stream<Path> files = Files.list(bundlePath(name))) {
            Files.createDirectories(target);
            for (Path file : files.toList()) {
                Files.copy(file, target.resolve(file.getFileName()));
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void deleteTree(Path root) {
        if (root == null || !Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
