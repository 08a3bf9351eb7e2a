package bridgemap.store;

import java.net.URI;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Where the graph lives: an external Neo4j ({@code externalUri} set: {@code bolt://}, {@code neo4j://},
 * {@code neo4j+s://} …) or the embedded engine under {@code dataDir} with Bolt on {@code boltHost}:{@code boltPort}.
 */
public record StoreConfig(
        URI externalUri, String user, String password, String database, Path dataDir, String boltHost, int boltPort) {

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
}
