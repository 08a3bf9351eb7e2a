package bridgemap.store;

import java.net.URI;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Where the graph lives: an external Neo4j ({@code externalUri} set: {@code bolt://}, {@code neo4j://},
 * {@code neo4j+s://} …, with {@code user} and {@code password}) or the embedded engine under {@code dataDir} with Bolt
 * on {@code boltHost}:{@code boltPort}. The embedded Bolt endpoint always requires authentication: with
 * {@code boltPassword} null it is the application's alone (a secret made at each start), otherwise it is open to
 * Neo4j's tools for user {@code neo4j} with that password, over WebSocket too when {@code boltWebSocket}.
 */
public record StoreConfig(
        URI externalUri, String user, String password, String database, Path dataDir, String boltHost, int boltPort,
        String boltPassword, boolean boltWebSocket) {

    public StoreConfig {
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(boltHost, "boltHost");
        if (database == null || database.isBlank()) {
            database = "neo4j";
        }
        if (boltWebSocket && boltPassword == null) {
            throw new IllegalArgumentException("Bolt over WebSocket needs the Bolt endpoint opened with a password");
        }
    }

    /** The external Neo4j at {@code uri}; {@code dataDir} holds nothing of the store then. */
    public static StoreConfig external(URI uri, String user, String password, String database, Path dataDir) {
        return new StoreConfig(Objects.requireNonNull(uri, "uri"), user, password, database, dataDir, "127.0.0.1", 0,
                null, false);
    }

    /** The embedded store under {@code dataDir}, Bolt on a free loopback port, for this process only. */
    public static StoreConfig embedded(Path dataDir) {
        return embedded(dataDir, 0);
    }

    /** The embedded store under {@code dataDir}, Bolt on loopback port {@code boltPort} (0: a free one), this process's alone. */
    public static StoreConfig embedded(Path dataDir, int boltPort) {
        return new StoreConfig(null, null, null, "neo4j", dataDir, "127.0.0.1", boltPort, null, false);
    }

    public boolean isExternal() {
        return externalUri != null;
    }

    /**
     * The embedded store with its Bolt endpoint on {@code host}:{@code port} for user neo4j with {@code password},
     * accepting Bolt over WebSocket (Neo4j Browser) only when {@code webSocket}.
     */
    public StoreConfig withExposedBolt(String host, int port, String password, boolean webSocket) {
        if (isExternal()) {
            throw new IllegalArgumentException("BRIDGEMAP_NEO4J_URI names an external Neo4j: there is no embedded store "
                    + "to expose; point Neo4j Browser or cypher-shell at " + externalUri + " itself");
        }
        return new StoreConfig(null, user, this.password, database, dataDir, host, port,
                Objects.requireNonNull(password, "password"), webSocket);
    }

    /** Neither password appears (a record's default would print them). */
    @Override
    public String toString() {
        return isExternal() ? "external Neo4j at " + externalUri + " (database " + database + ")"
                : "embedded Neo4j in " + dataDir + " (Bolt " + boltHost + ":" + boltPort
                        + (boltPassword == null ? ", this process only)" : ", opened to Neo4j's tools)");
    }
}
