package bridgemap.store;

import java.net.URI;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Where the graph lives: an external Neo4j ({@code externalUri} set: {@code bolt://}, {@code neo4j://},
 * {@code neo4j+s://} …) or the embedded engine under {@code dataDir} with Bolt on {@code boltHost}:{@code boltPort},
 * open to any client when {@code boltPassword} is null, else only to user {@code neo4j} with that password.
 */
public record StoreConfig(
        URI externalUri, String user, String password, String database, Path dataDir, String boltHost, int boltPort,
        String boltPassword) {

    /** A store whose embedded Bolt endpoint needs no authentication. */
    public StoreConfig(URI externalUri, String user, String password, String database, Path dataDir, String boltHost,
            int boltPort) {
        this(externalUri, user, password, database, dataDir, boltHost, boltPort, null);
    }

    public StoreConfig {
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(boltHost, "boltHost");
        if (database == null || database.isBlank()) {
            database = "neo4j";
        }
    }

    /** The embedded store under {@code dataDir}, Bolt on a free loopback port. */
    public static StoreConfig embedded(Path dataDir) {
        return new StoreConfig(null, null, null, "neo4j", dataDir, "127.0.0.1", 0);
    }

    public boolean isExternal() {
        return externalUri != null;
    }

    /** The embedded store with its Bolt endpoint on {@code host}:{@code port}, for user neo4j with {@code password}. */
    public StoreConfig withExposedBolt(String host, int port, String password) {
        if (isExternal()) {
            throw new IllegalArgumentException("BRIDGEMAP_NEO4J_URI names an external Neo4j: there is no embedded store "
                    + "to expose; point Neo4j Browser or cypher-shell at " + externalUri + " itself");
        }
        return new StoreConfig(null, user, this.password, database, dataDir, host, port, Objects.requireNonNull(password, "password"));
    }
}
