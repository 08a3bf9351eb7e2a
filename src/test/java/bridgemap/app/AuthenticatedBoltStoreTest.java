package bridgemap.app;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bridgemap.store.CypherQueries;
import bridgemap.store.EmbeddedNeo4j;
import bridgemap.testing.FreePort;
import bridgemap.testing.TestStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.exceptions.AuthenticationException;

/**
 * The external-Neo4j path without Docker: an embedded Neo4j 5.26 DBMS started with authentication enabled and
 * the neo4j user's password set through the system database plays the user's server, reached only through
 * BRIDGEMAP_NEO4J_URI with user and password. The checks of {@link ExternalNeo4jChecks} run against it.
 */
class AuthenticatedBoltStoreTest extends ExternalNeo4jChecks {

    private static final String PASSWORD = "external-server-secret";
    private static Path home;
    private static EmbeddedNeo4j server;
    private static int port;

    @BeforeAll
    static void startServer() throws Exception {
        home = Files.createTempDirectory("bridgemap-external-server");
        port = FreePort.pick();
        server = EmbeddedNeo4j.start(home, "127.0.0.1", port, PASSWORD, false, CypherQueries.load());
    }

    @AfterAll
    static void stopServer() {
        server.close();
        TestStore.deleteTree(home);
    }

    @Override
    Map<String, String> environment() {
        return Map.of("BRIDGEMAP_NEO4J_URI", "bolt://127.0.0.1:" + port, "BRIDGEMAP_NEO4J_USER", "neo4j",
                "BRIDGEMAP_NEO4J_PASSWORD", PASSWORD, "BRIDGEMAP_NEO4J_DATABASE", "neo4j");
    }

    private Map<String, String> with(String key, String value) {
        Map<String, String> env = new HashMap<>(environment());
        env.put(key, value);
        return env;
    }

    @Test
    void aRoutingUriWorksAsForAClusterOrAura() {
        try (BridgemapApp routed = BridgemapApp.open(AppConfig.fromEnvironment(
                with("BRIDGEMAP_NEO4J_URI", "neo4j://127.0.0.1:" + port), temp.resolve("none")))) {
            assertTrue(routed.store().ping());
            assertTrue(routed.store().description().startsWith("external Neo4j at neo4j://127.0.0.1:"));
        }
    }

    @Test
    void aWrongPasswordIsRefusedBeforeAnythingRuns() {
        assertThrows(AuthenticationException.class, () -> BridgemapApp.open(AppConfig.fromEnvironment(
                with("BRIDGEMAP_NEO4J_PASSWORD", "wrong-password"), temp.resolve("none"))));
        Map<String, String> anonymous = new HashMap<>(environment());
        anonymous.remove("BRIDGEMAP_NEO4J_USER");
        anonymous.remove("BRIDGEMAP_NEO4J_PASSWORD");
        assertThrows(AuthenticationException.class, () -> BridgemapApp.open(AppConfig.fromEnvironment(anonymous, temp.resolve("none"))));
    }
}
