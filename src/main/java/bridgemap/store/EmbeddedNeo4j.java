package bridgemap.store;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
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
import org.neo4j.internal.helpers.HostnamePort;
import org.neo4j.kernel.internal.GraphDatabaseAPI;

/**
 * The embedded Neo4j 5 engine in this JVM, with its Bolt connector on loopback so that all reads and
 * writes go through the same driver code as an external server. Started with a password, Bolt requires
 * authentication (user {@code neo4j}), so the endpoint can be opened to Neo4j Browser, Desktop, Bloom or
 * cypher-shell, on any host.
 */
public final class EmbeddedNeo4j implements AutoCloseable {

    /** The user Bolt clients authenticate as when a password is set. */
    public static final String USER = "neo4j";

    private final DatabaseManagementService dbms;
    private final URI boltUri;

    private EmbeddedNeo4j(DatabaseManagementService dbms, URI boltUri) {
        this.dbms = dbms;
        this.boltUri = boltUri;
    }

    /** Starts the store without authentication, Bolt on {@code host}:{@code port}. */
    public static EmbeddedNeo4j start(Path home, String host, int port) {
        return start(home, host, port, null, null);
    }

    /**
     * Starts (or reopens) the store under {@code home}, Bolt listening on {@code host}:{@code port}
     * ({@code port} 0 picks a free one). With a {@code password}, Bolt requires authentication and the
     * {@code neo4j} user's password is set to it by {@code setPassword} (a statement with {@code $password},
     * run on the system database), whatever it was before.
     */
    public static EmbeddedNeo4j start(Path home, String host, int port, String password, String setPassword) {
        Objects.requireNonNull(home, "home");
        Objects.requireNonNull(host, "host");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("Bolt port out of range: " + port);
        }
        if (password != null) {
            Objects.requireNonNull(setPassword, "setPassword");
            if (password.length() < 8) {
                throw new IllegalArgumentException("the Bolt password must have at least 8 characters");
            }
        }
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
                .setConfig(GraphDatabaseSettings.auth_enabled, password != null)
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
            if (password != null) {
                dbms.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME)
                        .executeTransactionally(setPassword, Map.of("password", password));
            }
            GraphDatabaseAPI db = (GraphDatabaseAPI) dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
            HostnamePort bound = db.getDependencyResolver()
                    .resolveDependency(ConnectorPortRegister.class)
                    .getLocalAddress(ConnectorType.BOLT);
            if (bound == null) {
                throw new IllegalStateException("Embedded Neo4j started without a Bolt connector");
            }
            String reach = advertisedHost(host);
            return new EmbeddedNeo4j(dbms, URI.create("bolt://" + (reach.contains(":") && !reach.startsWith("[")
                    ? "[" + reach + "]" : reach) + ":" + bound.getPort()));
        } catch (RuntimeException e) {
            dbms.shutdown();
            throw e;
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

    /** The name of the database the application uses. */
    public String databaseName() {
        return GraphDatabaseSettings.DEFAULT_DATABASE_NAME;
    }

    @Override
    public void close() {
        dbms.shutdown();
    }
}
