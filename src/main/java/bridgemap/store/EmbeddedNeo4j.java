package bridgemap.store;

import java.net.URI;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.ConnectorPortRegister;
import org.neo4j.configuration.connectors.ConnectorType;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.connectors.HttpsConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.internal.helpers.HostnamePort;
import org.neo4j.kernel.internal.GraphDatabaseAPI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded Neo4j 5 engine in this JVM, with its Bolt connector on loopback so that all reads and writes go through
 * the same driver code as an external server. Bolt always requires authentication as user {@code neo4j}: by default
 * with a random secret made at each start and known only to this process (the application's own driver gets it;
 * nothing prints or logs it), or, when the endpoint is opened to Neo4j Browser, Desktop, Bloom or cypher-shell
 * ({@code serve --bolt-port}), with the operator's password. Every connection passes a {@link BoltGate}, which refuses
 * Bolt over WebSocket unless it was asked for.
 */
public final class EmbeddedNeo4j implements AutoCloseable {

    /** The user Bolt clients authenticate as, the store's only user. */
    public static final String USER = "neo4j";

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedNeo4j.class);

    /** How long a close may go on while the disk is full before it is given up. */
    private static final Duration FULL_DISK_GRACE = Duration.ofSeconds(5);

    private final Path home;
    private final DatabaseManagementService dbms;
    private final URI boltUri;
    private final String password;

    private EmbeddedNeo4j(Path home, DatabaseManagementService dbms, URI boltUri, String password) {
        this.home = home;
        this.dbms = dbms;
        this.boltUri = boltUri;
        this.password = password;
    }

    /**
     * Starts (or reopens) the store under {@code home}, Bolt listening on {@code host}:{@code port} ({@code port} 0
     * picks a free one) and requiring authentication. The {@code neo4j} user's password becomes {@code password}, or
     * with {@code password} null a random secret for this start only, set by {@link Query#SET_NEO4J_PASSWORD} on the
     * system database whatever it was before; any other user (made by hand through Neo4j's tools, or by someone who got
     * in while the store was starting) is dropped. Bolt over WebSocket is refused unless {@code webSocket}, which needs a
     * {@code password}: a web page has no business with the application's own endpoint.
     */
    public static EmbeddedNeo4j start(Path home, String host, int port, String password, boolean webSocket,
            CypherQueries queries) {
        Objects.requireNonNull(home, "home");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(queries, "queries");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("Bolt port out of range: " + port);
        }
        if (password != null && password.length() < 8) {
            throw new IllegalArgumentException("the Bolt password must have at least 8 characters");
        }
        if (webSocket && password == null) {
            throw new IllegalArgumentException("Bolt over WebSocket is only for an endpoint opened to Neo4j's tools, "
                    + "with a password");
        }
        String secret = password != null ? password : newSecret();
        try {
            // A bulk load interrupted by a crash is finished (or thrown away) before the engine opens the database.
            BulkLoad.recover(home);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("could not finish the interrupted bulk load in " + home, e);
        }
        DatabaseManagementServiceBuilder builder = new DatabaseManagementServiceBuilder(home.toAbsolutePath())
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress(host, port))
                .setConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
                .setConfig(HttpConnector.enabled, false)
                .setConfig(HttpsConnector.enabled, false)
                .setConfig(GraphDatabaseSettings.auth_enabled, true)
                // Neo4j locks a user out for 5 s after 3 wrong passwords, correct ones included: against a 256-bit
                // secret that protects nothing and would let any local process lock the application out of its own
                // store. A password an operator chose (serve --bolt-port) keeps the lock against guessing.
                .setConfig(GraphDatabaseSettings.auth_max_failed_attempts, password != null ? 3 : 0)
                // Netty's quiet period is otherwise applied twice at shutdown (10 s).
                .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, 0)
                .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_timeout, Duration.ofSeconds(2))
                .setConfig(GraphDatabaseInternalSettings.udc_network_enabled, false)
                // An import is one transaction (BundleWriter). Keeping its state off the heap let the England-scale
                // bundle (1.2 million rows, 3.3 million relationships) commit with -Xmx10g, where on the heap it hit
                // the transaction memory limit first. The limit itself (db.memory.transaction.total.max, 70% of the
                // heap by default) still applies, so too large an import fails cleanly and changes nothing.
                .setConfig(GraphDatabaseSettings.tx_state_memory_allocation,
                        GraphDatabaseSettings.TransactionStateMemoryAllocation.OFF_HEAP)
                .setConfig(GraphDatabaseSettings.tx_state_max_off_heap_memory, 16L << 30);
        if (port != 0) {
            // Routing clients (neo4j:// URIs, Neo4j Browser) are sent to the advertised address: make it the real one.
            builder.setConfig(BoltConnector.advertised_address, new SocketAddress(advertisedHost(host), port));
        }
        DatabaseManagementService dbms = builder.build();
        try {
            GraphDatabaseAPI db = (GraphDatabaseAPI) dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
            BoltGate gate = BoltGate.install(db.getDependencyResolver(), webSocket);
            GraphDatabaseService system = dbms.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME);
            if (password != null) {
                // Neo4j refuses to set the password the user already has (the operator's, from the last run): pass
                // through a throwaway secret first.
                system.executeTransactionally(queries.text(Query.SET_NEO4J_PASSWORD), Map.of("password", newSecret()));
            }
            system.executeTransactionally(queries.text(Query.SET_NEO4J_PASSWORD), Map.of("password", secret));
            dropOtherUsers(system, queries);
            gate.open();
            HostnamePort bound = db.getDependencyResolver()
                    .resolveDependency(ConnectorPortRegister.class)
                    .getLocalAddress(ConnectorType.BOLT);
            if (bound == null) {
                throw new IllegalStateException("Embedded Neo4j started without a Bolt connector");
            }
            String reach = advertisedHost(host);
            return new EmbeddedNeo4j(home, dbms, URI.create("bolt://" + (reach.contains(":") && !reach.startsWith("[")
                    ? "[" + reach + "]" : reach) + ":" + bound.getPort()), secret);
        } catch (RuntimeException e) {
            dbms.shutdown();
            throw e;
        }
    }

    /** 32 bytes from {@link SecureRandom}, URL-safe base64 without padding (43 characters). */
    private static String newSecret() {
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    private static void dropOtherUsers(GraphDatabaseService system, CypherQueries queries) {
        List<String> others = system.executeTransactionally(queries.text(Query.OTHER_USERS), Map.of("user", USER),
                result -> result.stream().map(row -> (String) row.get("user")).toList());
        for (String other : others) {
            LOG.warn("Dropping user {} from the embedded store: only {} may use it, with this start's password", other,
                    USER);
            system.executeTransactionally(queries.text(Query.DROP_USER), Map.of("user", other));
        }
    }

    /** A wildcard listen address is advertised as loopback; clients elsewhere name the host themselves. */
    private static String advertisedHost(String host) {
        return host.equals("0.0.0.0") || host.equals("::") || host.equals("[::]") ? "localhost" : host;
    }

    /** Where the driver reaches this store. */
    public URI boltUri() {
        return boltUri;
    }

    /** The {@code neo4j} user's password for this start, for the application's own driver only. */
    String password() {
        return password;
    }

    /** The name of the database the application uses. */
    public String databaseName() {
        return GraphDatabaseSettings.DEFAULT_DATABASE_NAME;
    }

    /**
     * Stops the engine. Neo4j retries writing its page cache for ever when the disk is full (issue 20: an import
     * committed, then the command hung): once the disk has stayed full for {@link #FULL_DISK_GRACE} the close is given
     * up with a {@link DiskSpaceException}, leaving the engine's threads to the process's exit. Nothing committed is
     * lost: it is in the transaction log, which Neo4j reserves in advance, and the next start recovers it.
     */
    @Override
    public void close() {
        java.util.concurrent.atomic.AtomicReference<RuntimeException> failed = new java.util.concurrent.atomic.AtomicReference<>();
        Thread stopping = new Thread(() -> {
            try {
                dbms.shutdown();
            } catch (RuntimeException e) {
                failed.set(e);
            }
        }, "bridgemap-store-shutdown");
        stopping.setDaemon(true);
        stopping.start();
        long fullSince = 0;
        while (stopping.isAlive()) {
            try {
                stopping.join(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while the store in " + home + " was closing", e);
            }
            if (!stopping.isAlive()) {
                break;
            }
            if (!DiskSpace.isFull(home)) {
                fullSince = 0;
            } else if (fullSince == 0) {
                fullSince = System.nanoTime();
            } else if (System.nanoTime() - fullSince > FULL_DISK_GRACE.toNanos()) {
                Path folder = home.toAbsolutePath().normalize();
                LOG.error("The disk holding {} is full: Neo4j cannot write its files to close the store; giving up", folder);
                throw new DiskSpaceException("the disk holding " + folder + " is full (" + DiskSpace.mb(DiskSpace.free(folder))
                        + " free), so the store could not be closed cleanly: what was committed is kept in its "
                        + "transaction log and recovered at the next start, once some space has been freed");
            }
        }
        if (failed.get() != null) {
            throw failed.get();
        }
    }
}
