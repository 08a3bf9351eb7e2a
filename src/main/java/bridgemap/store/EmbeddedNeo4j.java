package bridgemap.store;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
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
 * writes go through the same driver code as an external server.
 */
public final class EmbeddedNeo4j implements AutoCloseable {

    private final DatabaseManagementService dbms;
    private final URI boltUri;

    private EmbeddedNeo4j(DatabaseManagementService dbms, URI boltUri) {
        this.dbms = dbms;
        this.boltUri = boltUri;
    }

    /**
     * Starts (or reopens) the store under {@code home}, Bolt listening on {@code host}:{@code port}
     * ({@code port} 0 picks a free one).
     */
    public static EmbeddedNeo4j start(Path home, String host, int port) {
        Objects.requireNonNull(home, "home");
        Objects.requireNonNull(host, "host");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("Bolt port out of range: " + port);
        }
        DatabaseManagementService dbms = new DatabaseManagementServiceBuilder(home.toAbsolutePath())
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress(host, port))
                .setConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
                .setConfig(HttpConnector.enabled, false)
                .setConfig(HttpsConnector.enabled, false)
                .setConfig(GraphDatabaseSettings.auth_enabled, false)
                // Netty's quiet period is otherwise applied twice at shutdown (10 s).
                .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, 0)
                .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_timeout, Duration.ofSeconds(2))
                .setConfig(GraphDatabaseInternalSettings.udc_network_enabled, false)
                .build();
        try {
            GraphDatabaseAPI db = (GraphDatabaseAPI) dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
            HostnamePort bound = db.getDependencyResolver()
                    .resolveDependency(ConnectorPortRegister.class)
                    .getLocalAddress(ConnectorType.BOLT);
            if (bound == null) {
                throw new IllegalStateException("Embedded Neo4j started without a Bolt connector");
            }
            return new EmbeddedNeo4j(dbms, URI.create("bolt://" + host + ":" + bound.getPort()));
        } catch (RuntimeException e) {
            dbms.shutdown();
            throw e;
        }
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
