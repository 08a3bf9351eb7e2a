package bridgemap.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bridgemap.app.AppConfig;
import bridgemap.app.BridgemapApp;
import bridgemap.model.ProgressListener;
import bridgemap.testing.BoltProbe;
import bridgemap.testing.FreePort;
import bridgemap.testing.TestStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Session;
import org.neo4j.driver.exceptions.AuthenticationException;

/**
 * What {@code serve --bolt-port} opens: the embedded store's Bolt endpoint on a fixed port with authentication.
 * A separate driver with the credentials reads what the application wrote; a wrong password, or none, is refused;
 * a web page's WebSocket upgrade is refused unless {@code --bolt-websocket} asked for it (issue 13).
 */
class ExposedBoltTest {

    private static final String PASSWORD = "exposed-bolt-secret";
    private static Path home;
    private static int port;
    private static BridgemapApp app;

    @BeforeAll
    static void start() throws Exception {
        home = Files.createTempDirectory("bridgemap-exposed-bolt");
        port = FreePort.pick();
        app = BridgemapApp.open(AppConfig.fromEnvironment(Map.of(), home).withExposedBolt("127.0.0.1", port, PASSWORD, false));
        app.imports().importPath(TestStore.bundlePath("tiny"), ProgressListener.NONE);
    }

    @AfterAll
    static void stop() {
        app.close();
        TestStore.deleteTree(home);
    }

    private static Driver driver(String uri, String password) {
        return GraphDatabase.driver(uri, AuthTokens.basic("neo4j", password));
    }

    @Test
    void theApplicationKeepsWorkingThroughItsDriver() {
        assertTrue(app.store().isEmbedded());
        assertEquals("bolt://127.0.0.1:" + port, app.store().embeddedBoltUri().orElseThrow().toString());
        assertTrue(app.store().ping());
        assertEquals(2, app.stats().stats().labels().get("Borough"));
    }

    @Test
    void aToolWithTheCredentialsReadsTheSameGraph() {
        for (String scheme : new String[] {"bolt", "neo4j"}) {
            try (Driver tool = driver(scheme + "://127.0.0.1:" + port, PASSWORD); Session session = tool.session()) {
                tool.verifyConnectivity();
                var labels = session.run(app.store().cypher(Query.STATS)).single().get("labels");
                assertEquals(app.stats().stats().labels().get("Referral"), labels.get("Referral").asLong(), scheme);
                assertEquals(6, labels.get("Agency").asLong(), scheme);
            }
        }
    }

    @Test
    void aWrongPasswordOrNoneIsRefused() {
        try (Driver wrong = driver("bolt://127.0.0.1:" + port, "not-the-password")) {
            assertThrows(AuthenticationException.class, wrong::verifyConnectivity);
        }
        try (Driver none = GraphDatabase.driver("bolt://127.0.0.1:" + port, AuthTokens.none())) {
            assertThrows(AuthenticationException.class, none::verifyConnectivity);
        }
    }

    @Test
    void aWebSocketUpgradeFromAWebPageIsNotAcceptedUnlessAskedFor_issue13() throws Exception {
        String answer = BoltProbe.webSocketUpgrade("127.0.0.1", port);
        assertFalse(answer.contains("101"), answer);
        assertEquals("", answer, "the connection is closed without an answer");
        assertTrue(app.store().ping());
        assertThrows(IllegalArgumentException.class, () -> new StoreConfig(null, null, null, "neo4j", home, "127.0.0.1", 0,
                null, true), "WebSocket on the application's own endpoint");
    }

    /**
     * {@code serve --bolt-port … --bolt-websocket}: Neo4j Browser's WebSocket gets through, and still needs the
     * password. The next start, with the same password and without the option, refuses WebSocket again.
     */
    @Test
    void webSocketOnlyWhenAskedForAndTheSamePasswordWorksAfterARestart_issue13() throws Exception {
        Path other = Files.createTempDirectory("bridgemap-bolt-websocket");
        int webPort = FreePort.pick();
        try {
            try (BridgemapApp browsable = BridgemapApp.open(AppConfig.fromEnvironment(Map.of(), other)
                    .withExposedBolt("127.0.0.1", webPort, PASSWORD, true))) {
                String answer = BoltProbe.webSocketUpgrade("127.0.0.1", webPort);
                assertTrue(answer.startsWith("HTTP/1.1 101 Switching Protocols"), answer);
                try (Driver none = GraphDatabase.driver("bolt://127.0.0.1:" + webPort, AuthTokens.none())) {
                    assertThrows(AuthenticationException.class, none::verifyConnectivity);
                }
                assertTrue(browsable.store().ping());
            }
            // Neo4j refuses to set a password to the one the user has; a restart with the same one must still work.
            try (BridgemapApp again = BridgemapApp.open(AppConfig.fromEnvironment(Map.of(), other)
                    .withExposedBolt("127.0.0.1", webPort, PASSWORD, false))) {
                assertTrue(again.store().ping());
                try (Driver tool = driver("bolt://127.0.0.1:" + webPort, PASSWORD)) {
                    tool.verifyConnectivity();
                }
                String answer = BoltProbe.webSocketUpgrade("127.0.0.1", webPort);
                assertFalse(answer.contains("101"), answer);
            }
        } finally {
            TestStore.deleteTree(other);
        }
    }

    @Test
    void aShortPasswordOrAnExternalStoreCannotBeExposed() {
        var shortPassword = assertThrows(IllegalArgumentException.class, () -> BridgemapApp.open(
                AppConfig.fromEnvironment(Map.of(), home.resolve("other")).withExposedBolt("127.0.0.1", 0, "short", false)));
        assertEquals("the Bolt password must have at least 8 characters", shortPassword.getMessage());
        var external = assertThrows(IllegalArgumentException.class, () -> AppConfig.fromEnvironment(
                Map.of("BRIDGEMAP_NEO4J_URI", "neo4j+s://example.databases.neo4j.io"), null)
                .withExposedBolt("127.0.0.1", 7687, PASSWORD, false));
        assertTrue(external.getMessage().startsWith("BRIDGEMAP_NEO4J_URI names an external Neo4j"), external.getMessage());
    }
}
