package bridgemap.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bridgemap.app.AppConfig;
import bridgemap.app.BridgemapApp;
import bridgemap.model.ProgressListener;
import bridgemap.testing.BoltProbe;
import bridgemap.testing.TestStore;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.AuthToken;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.Transaction;
import org.neo4j.driver.exceptions.AuthenticationException;
import org.neo4j.driver.exceptions.SecurityException;

/**
 * The embedded store's Bolt endpoint without {@code serve --bolt-port} (issue 13, item 1): it used to take any local
 * client without credentials. Each test performs one of the attacks against a running store and fails if it works.
 */
class EmbeddedBoltTest {

    private static Path home;
    private static BridgemapApp app;
    private static URI bolt;

    @BeforeAll
    static void start() throws Exception {
        home = Files.createTempDirectory("bridgemap-embedded-bolt");
        app = BridgemapApp.open(AppConfig.fromEnvironment(Map.of(), home));
        app.imports().importPath(TestStore.bundlePath("tiny"), ProgressListener.NONE);
        bolt = app.store().embeddedBoltUri().orElseThrow();
    }

    @AfterAll
    static void stop() {
        app.close();
        TestStore.deleteTree(home);
    }

    /** Runs {@code query} over a fresh connection to {@code uri} with {@code auth}, as another local process would. */
    private static List<org.neo4j.driver.Record> run(String uri, AuthToken auth, String database, String query) {
        return run(uri, auth, database, query, Map.of());
    }

    private static List<org.neo4j.driver.Record> run(String uri, AuthToken auth, String database, String query,
            Map<String, Object> parameters) {
        try (Driver attacker = GraphDatabase.driver(uri, auth);
                Session session = attacker.session(SessionConfig.forDatabase(database))) {
            return session.run(query, parameters).list();
        }
    }

    @Test
    void aClientWithoutCredentialsIsRefusedAndReadsWritesNothing_issue13() {
        var before = app.stats().stats();
        for (String uri : new String[] {bolt.toString(), bolt.toString().replace("bolt://", "neo4j://")}) {
            assertThrows(AuthenticationException.class,
                    () -> run(uri, AuthTokens.none(), "neo4j", app.store().cypher(Query.STATS)), uri);
            assertThrows(AuthenticationException.class,
                    () -> run(uri, AuthTokens.none(), "system", TestStore.testCypher("show-users")), uri);
            assertThrows(AuthenticationException.class,
                    () -> run(uri, AuthTokens.none(), "neo4j", TestStore.testCypher("create-node")), uri);
        }
        assertEquals(before, app.stats().stats(), "nothing was planted");
        assertTrue(app.store().ping(), "the application's own driver still works");
    }

    @Test
    void guessedPasswordsAreRefused_issue13() {
        // Neo4j's default, the test store's, the one in the README's example, and a plausible one.
        for (String guess : new String[] {"neo4j", "shared-test-store", "choose-a-password", "password123"}) {
            assertThrows(AuthenticationException.class,
                    () -> run(bolt.toString(), AuthTokens.basic(EmbeddedNeo4j.USER, guess), "neo4j",
                            app.store().cypher(Query.STATS)), guess);
        }
    }

    /** Neo4j Community's security.log stays empty and its debug.log names no client: Bridgemap's log does. */
    @Test
    void aRefusedLoginIsReportedWithTheClientsAddress_issue13() throws Exception {
        PrintStream err = System.err;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        try {
            System.setErr(new PrintStream(printed, true, StandardCharsets.UTF_8));
            assertThrows(AuthenticationException.class, () -> run(bolt.toString(),
                    AuthTokens.basic(EmbeddedNeo4j.USER, "a-guess"), "neo4j", app.store().cypher(Query.PING)));
            for (int i = 0; i < 50 && !printed.toString(StandardCharsets.UTF_8).contains("Bolt login refused"); i++) {
                Thread.sleep(100);
            }
        } finally {
            System.setErr(err);
        }
        String log = printed.toString(StandardCharsets.UTF_8);
        assertTrue(log.contains("Bolt login refused for the client at /127.0.0.1:"), log);
        assertTrue(log.contains("Neo.ClientError.Security.Unauthorized"), log);
        assertFalse(log.contains("a-guess"), "the guessed password is not logged");
    }

    @Test
    void aWebSocketUpgradeFromAWebPageIsNotAccepted_issue13() throws Exception {
        String answer = BoltProbe.webSocketUpgrade(bolt.getHost(), bolt.getPort());
        assertFalse(answer.contains("101"), answer);
        assertEquals("", answer, "the connection is closed without an answer");
    }

    @Test
    void wrongPasswordsDoNotLockTheApplicationOutOfItsStore_issue13() {
        for (int i = 0; i < 6; i++) {
            // Refused, whether as a wrong password or, were Neo4j's lock on, as too many attempts.
            assertThrows(SecurityException.class, () -> run(bolt.toString(),
                    AuthTokens.basic(EmbeddedNeo4j.USER, "wrong-password"), "neo4j", app.store().cypher(Query.PING)));
        }
        // Each open transaction holds its own connection, so the application's driver has to log in again.
        List<Session> sessions = new ArrayList<>();
        try {
            for (int i = 0; i < 4; i++) {
                Session session = app.store().session();
                sessions.add(session);
                Transaction tx = session.beginTransaction();
                assertEquals(1, tx.run(app.store().cypher(Query.PING)).single().get("ok").asInt());
            }
        } finally {
            sessions.forEach(Session::close);
        }
    }

    @Test
    void theStoreDoesNotAdvertiseItsBoltAddress_issue13() {
        assertFalse(app.store().description().contains("bolt://"), app.store().description());
        assertFalse(app.store().description().contains(":" + bolt.getPort()), app.store().description());
    }

    /**
     * Two starts of one store: each has its own full-strength secret, which neither the output nor Neo4j's logs show;
     * the first start's secret is useless after the second, and a user added behind Bridgemap's back is gone.
     */
    @Test
    void eachStartMakesItsOwnSecretAndKeepsNoOtherUser_issue13(@TempDir Path store) throws Exception {
        CypherQueries queries = CypherQueries.load();
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        String first;
        String second;
        URI uri;
        try {
            PrintStream capture = new PrintStream(printed, true, StandardCharsets.UTF_8);
            System.setOut(capture);
            System.setErr(capture);
            try (EmbeddedNeo4j engine = EmbeddedNeo4j.start(store, "127.0.0.1", 0, null, false, queries)) {
                first = engine.password();
                run(engine.boltUri().toString(), AuthTokens.basic(EmbeddedNeo4j.USER, first), "system",
                        TestStore.testCypher("create-user"), Map.of("user", "intruder", "password", "intruder-password"));
            }
            try (EmbeddedNeo4j engine = EmbeddedNeo4j.start(store, "127.0.0.1", 0, null, false, queries)) {
                second = engine.password();
                uri = engine.boltUri();
                assertThrows(AuthenticationException.class, () -> run(uri.toString(),
                        AuthTokens.basic(EmbeddedNeo4j.USER, first), "neo4j", queries.text(Query.PING)));
                assertThrows(AuthenticationException.class, () -> run(uri.toString(),
                        AuthTokens.basic("intruder", "intruder-password"), "neo4j", queries.text(Query.PING)));
                var users = run(uri.toString(), AuthTokens.basic(EmbeddedNeo4j.USER, second), "system",
                        TestStore.testCypher("show-users"));
                assertEquals(List.of(EmbeddedNeo4j.USER), users.stream().map(r -> r.get("user").asString()).toList());
            }
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
        for (String secret : new String[] {first, second}) {
            assertTrue(secret.matches("[A-Za-z0-9_-]{43}"), "32 random bytes, base64url: " + secret.length());
        }
        assertNotEquals(first, second);
        StringBuilder everything = new StringBuilder(printed.toString(StandardCharsets.UTF_8));
        try (Stream<Path> files = Files.walk(store.resolve("logs"))) {
            for (Path log : files.filter(Files::isRegularFile).toList()) {
                everything.append(Files.readString(log, StandardCharsets.ISO_8859_1));
            }
        }
        assertTrue(everything.indexOf("intruder") >= 0, "the dropped user is named in the output");
        assertFalse(everything.indexOf(first) >= 0 || everything.indexOf(second) >= 0, "a secret was printed or logged");
    }
}
