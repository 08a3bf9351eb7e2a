package bridgemap.app;

import bridgemap.store.StoreConfig;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

/**
 * Configuration from environment variables with defaults:
 * <ul>
 *   <li>{@code BRIDGEMAP_NEO4J_URI} — an external Neo4j ({@code bolt://}, {@code neo4j://}, {@code neo4j+s://} …);
 *       unset means the embedded store;</li>
 *   <li>{@code BRIDGEMAP_NEO4J_USER}, {@code BRIDGEMAP_NEO4J_PASSWORD}, {@code BRIDGEMAP_NEO4J_DATABASE} (default {@code neo4j});</li>
 *   <li>{@code BRIDGEMAP_DATA} — the embedded store's folder (default {@code ./bridgemap-data}; {@code --data} wins);</li>
 *   <li>{@code BRIDGEMAP_BOLT_PORT} — the embedded store's loopback Bolt port (default 0: a free one), which only this
 *       process can use (its password is a secret made at each start);</li>
 *   <li>{@code BRIDGEMAP_BOLT_PASSWORD} — read by {@code serve --bolt-port}: the password of the exposed Bolt endpoint;</li>
 *   <li>{@code BRIDGEMAP_AUDIT_LOG} — the audit log (default: {@code audit.log} in the data folder);</li>
 *   <li>{@code BRIDGEMAP_DISCLOSURE_KEY} — the secret behind researchers' disclosure control (default:
 *       {@code disclosure.key} in the data folder, created on first use).</li>
 * </ul>
 */
public record AppConfig(StoreConfig store, Path auditLog, Path disclosureKey) {

    public static final Path DEFAULT_DATA_DIR = Path.of("bridgemap-data");
    private static final Set<String> SCHEMES = Set.of("bolt", "bolt+s", "bolt+ssc", "neo4j", "neo4j+s", "neo4j+ssc");

    /** Reads {@code env}; {@code dataDir} (from {@code --data}) overrides {@code BRIDGEMAP_DATA} when not null. */
    public static AppConfig fromEnvironment(Map<String, String> env, Path dataDir) {
        Path data = dataDir != null ? dataDir
                : env.containsKey("BRIDGEMAP_DATA") ? Path.of(env.get("BRIDGEMAP_DATA")) : DEFAULT_DATA_DIR;
        URI external = null;
        String uri = blankToNull(env.get("BRIDGEMAP_NEO4J_URI"));
        if (uri != null) {
            try {
                external = URI.create(uri);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("BRIDGEMAP_NEO4J_URI is not a URI: " + uri, e);
            }
            if (external.getScheme() == null || !SCHEMES.contains(external.getScheme())) {
                throw new IllegalArgumentException("BRIDGEMAP_NEO4J_URI must start with one of " + SCHEMES + ": " + uri);
            }
        }
        int boltPort = 0;
        String port = blankToNull(env.get("BRIDGEMAP_BOLT_PORT"));
        if (port != null) {
            try {
                boltPort = Integer.parseInt(port);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("BRIDGEMAP_BOLT_PORT is not a port number: " + port, e);
            }
        }
        String audit = blankToNull(env.get("BRIDGEMAP_AUDIT_LOG"));
        String disclosureKey = blankToNull(env.get("BRIDGEMAP_DISCLOSURE_KEY"));
        StoreConfig store = external != null
                ? StoreConfig.external(external, blankToNull(env.get("BRIDGEMAP_NEO4J_USER")),
                        env.get("BRIDGEMAP_NEO4J_PASSWORD"), blankToNull(env.get("BRIDGEMAP_NEO4J_DATABASE")), data)
                : StoreConfig.embedded(data, boltPort);
        return new AppConfig(store, audit != null ? Path.of(audit) : data.resolve("audit.log"),
                disclosureKey != null ? Path.of(disclosureKey) : data.resolve("disclosure.key"));
    }

    /**
     * This configuration with the embedded store's Bolt endpoint exposed on {@code host}:{@code port} for user
     * {@code neo4j} with {@code password}, over WebSocket too when {@code webSocket}; refused when the store is an
     * external Neo4j.
     */
    public AppConfig withExposedBolt(String host, int port, String password, boolean webSocket) {
        return new AppConfig(store.withExposedBolt(host, port, password, webSocket), auditLog, disclosureKey);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
