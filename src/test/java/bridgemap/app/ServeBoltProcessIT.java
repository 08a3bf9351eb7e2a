package bridgemap.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bridgemap.report.Json;
import bridgemap.store.CypherQueries;
import bridgemap.store.Query;
import bridgemap.testing.BoltProbe;
import bridgemap.testing.FreePort;
import bridgemap.testing.TestStore;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.exceptions.AuthenticationException;

/**
 * {@code bridgemap serve --bolt-port} from the packaged jar: Neo4j's tools (here, a separate driver) reach the
 * embedded store with the password given or the one printed at start, and nothing without it; without
 * {@code --bolt-port} nothing but Bridgemap reaches it (issue 13).
 */
class ServeBoltProcessIT {

    private static final Pattern BOLT = Pattern.compile(
            "Neo4j Bolt for Neo4j Browser, Desktop, Bloom and cypher-shell: (bolt://\\S+), user neo4j, password (\\S+)");
    private final Path data = createTemp();
    private Process process;
    /** What serve printed after the line saying it serves. */
    private final List<String> later = java.util.Collections.synchronizedList(new ArrayList<>());

    private static Path createTemp() {
        try {
            return Files.createTempDirectory("bridgemap-bolt-it");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @AfterEach
    void stop() throws Exception {
        if (process != null) {
            process.destroy();
            process.waitFor(30, TimeUnit.SECONDS);
        }
        TestStore.deleteTree(data);
    }

    /** Starts serve and returns what it printed up to the line saying it serves. */
    private List<String> serve(Map<String, String> env, String... extra) throws Exception {
        return serve(List.of(), env, extra);
    }

    /** Starts serve with {@code jvmOptions} and returns what it printed up to the line saying it serves. */
    private List<String> serve(List<String> jvmOptions, Map<String, String> env, String... extra) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", "target/bridgemap.jar", "serve", "--data", data.toString(), "--port", "0"));
        command.addAll(List.of(extra));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().remove("BRIDGEMAP_BOLT_PASSWORD");
        builder.environment().remove("BRIDGEMAP_NEO4J_URI");
        builder.environment().putAll(env);
        process = builder.start();
        BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        List<String> output = new ArrayList<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(240);
        String line;
        while (System.nanoTime() < deadline && (line = reader.readLine()) != null) {
            output.add(line);
            if (line.startsWith("Bridgemap is serving")) {
                Thread drain = new Thread(() -> reader.lines().forEach(later::add), "serve-output");
                drain.setDaemon(true);
                drain.start();
                return output;
            }
        }
        throw new AssertionError("serve did not start:\n" + String.join("\n", output));
    }

    private static byte[] tinyZip() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes); var files = Files.list(TestStore.bundlePath("tiny"))) {
            for (Path file : files.sorted().toList()) {
                zip.putNextEntry(new ZipEntry(file.getFileName().toString()));
                zip.write(Files.readAllBytes(file));
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    private static long referrals(String uri, String password) {
        try (Driver tool = GraphDatabase.driver(uri, AuthTokens.basic("neo4j", password)); var session = tool.session()) {
            return session.run(CypherQueries.load().text(Query.STATS)).single().get("labels").get("Referral").asLong();
        }
    }

    /** The TCP ports process {@code pid} listens on, from Linux's /proc, as {@code ss -ltnp} shows them. */
    private static List<Integer> listeningPorts(long pid) throws IOException {
        Assumptions.assumeTrue(Files.isDirectory(Path.of("/proc", String.valueOf(pid), "fd")), "needs Linux /proc");
        java.util.Set<String> sockets = new java.util.HashSet<>();
        try (var fds = Files.list(Path.of("/proc", String.valueOf(pid), "fd"))) {
            for (Path fd : fds.toList()) {
                try {
                    String target = Files.readSymbolicLink(fd).toString();
                    if (target.startsWith("socket:[")) {
                        sockets.add(target.substring(8, target.length() - 1));
                    }
                } catch (IOException closedMeanwhile) {
                    // The descriptor went away while listing.
                }
            }
        }
        List<Integer> ports = new ArrayList<>();
        for (String table : new String[] {"tcp", "tcp6"}) {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "net", table))) {
                String[] f = line.trim().split("\\s+");
                if (f.length > 9 && f[3].equals("0A") && sockets.contains(f[9])) { // 0A: LISTEN
                    String local = f[1];
                    ports.add(Integer.parseInt(local.substring(local.indexOf(':') + 1), 16));
                }
            }
        }
        return ports.stream().distinct().toList();
    }

    @Test
    void theBoltEndpointTakesThePasswordGivenAndRefusesOthers() throws Exception {
        int port = FreePort.pick();
        List<String> output = serve(Map.of("BRIDGEMAP_BOLT_PASSWORD", "password-from-env"), "--bolt-port", String.valueOf(port));
        Matcher m = BOLT.matcher(String.join("\n", output));
        assertTrue(m.find(), String.join("\n", output));
        assertEquals("bolt://127.0.0.1:" + port, m.group(1));
        assertEquals("from", m.group(2), "a password from the environment is not printed");
        Matcher http = Pattern.compile("Bridgemap is serving (http://127\\.0\\.0\\.1:\\d+/)").matcher(String.join("\n", output));
        assertTrue(http.find());
        // The application writes through its own driver (an upload), Neo4j's tools read the same graph.
        var upload = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(http.group(1) + "api/imports"))
                .header("Content-Type", "application/zip").POST(HttpRequest.BodyPublishers.ofByteArray(tinyZip())).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(201, upload.statusCode(), upload.body());
        assertEquals(4, referrals("bolt://127.0.0.1:" + port, "password-from-env"));
        assertEquals(4, referrals("neo4j://127.0.0.1:" + port, "password-from-env"), "routing, as Neo4j Browser connects");
        assertThrows(AuthenticationException.class, () -> referrals("bolt://127.0.0.1:" + port, "password-from-elsewhere"));
        // Issue 13: a web page's WebSocket is refused without --bolt-websocket, and opening Bolt is audited.
        String upgrade = BoltProbe.webSocketUpgrade("127.0.0.1", port);
        assertFalse(upgrade.contains("101"), upgrade);
        var opened = Json.mapper().readTree(Files.readAllLines(data.resolve("audit.log")).get(0));
        assertEquals("bolt endpoint opened", opened.get("action").asText());
        assertEquals(port, opened.get("parameters").get("port").asInt());
        assertEquals("127.0.0.1", opened.get("parameters").get("host").asText());
        assertFalse(opened.get("parameters").get("webSocket").asBoolean());
        assertEquals("cli:" + System.getProperty("user.name"), opened.get("who").asText());
        assertFalse(opened.toString().contains("password-from-env"), "the password is not audited");
    }

    /**
     * Issue 13: {@code serve} without {@code --bolt-port}, every logger at TRACE. A local process that read everything
     * it printed and the store's log files finds the Bolt port (as {@code ss -ltnp} would) but cannot log in: not without
     * credentials, not with Neo4j's default password, not with any string printed or logged, hex dumps decoded, that
     * could be the secret (43 URL-safe base64 characters, as {@code EmbeddedBoltTest} checks; the driver's TRACE level
     * used to dump the login message in hex), and a web page cannot upgrade to WebSocket.
     */
    @Test
    void theApplicationsOwnBoltEndpointLetsNoOneElseIn_issue13() throws Exception {
        List<String> output = serve(List.of("-Dorg.slf4j.simpleLogger.defaultLogLevel=trace",
                "-Dorg.slf4j.simpleLogger.log.bridgemap=trace"), Map.of(), "--demo");
        // The application uses its driver (new connections log in with the secret) before the attacker reads.
        Matcher http = Pattern.compile("Bridgemap is serving (http://127\\.0\\.0\\.1:\\d+/)").matcher(String.join("\n", output));
        assertTrue(http.find());
        var stats = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(http.group(1) + "api/stats")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, stats.statusCode());
        assertTrue(Json.mapper().readTree(stats.body()).get("labels").get("Referral").asInt() > 0, "the demo is there to read");
        Thread.sleep(2000); // let the drained output and Neo4j's logs catch up
        List<String> all = new ArrayList<>(output);
        synchronized (later) {
            all.addAll(later);
        }
        String printed = String.join("\n", all);
        assertFalse(printed.contains("bolt://"), "the application's Bolt address is not printed");
        StringBuilder everything = new StringBuilder(printed);
        try (var files = Files.walk(data.resolve("logs"))) {
            for (Path log : files.filter(Files::isRegularFile).toList()) {
                everything.append('\n').append(Files.readString(log, StandardCharsets.ISO_8859_1));
            }
        }
        // Nothing names the Bolt port (Neo4j's debug.log says "localhost:0"), but a local attacker can list it.
        int httpPort = URI.create(http.group(1)).getPort();
        List<Integer> others = listeningPorts(process.pid()).stream().filter(p -> p != httpPort).toList();
        assertEquals(1, others.size(), "serve listens on HTTP and Bolt only: " + others);
        String boltPort = String.valueOf(others.get(0));
        String bolt = "bolt://127.0.0.1:" + boltPort;
        try (Driver none = GraphDatabase.driver(bolt, AuthTokens.none())) {
            assertThrows(AuthenticationException.class, none::verifyConnectivity);
        }
        // Hex dumps (the driver's TRACE level dumps Bolt messages) are read as text too.
        Matcher hex = Pattern.compile("\\b(?:[0-9a-fA-F]{2}){22,}\\b").matcher(everything.toString());
        while (hex.find()) {
            everything.append('\n').append(new String(HexFormat.of().parseHex(hex.group()), StandardCharsets.ISO_8859_1));
        }
        List<String> candidates = new ArrayList<>(List.of("neo4j", "password"));
        Matcher secretLike = Pattern.compile("(?<![A-Za-z0-9_-])[A-Za-z0-9_-]{43}(?![A-Za-z0-9_-])").matcher(everything);
        while (secretLike.find()) {
            candidates.add(secretLike.group());
        }
        try (Driver attacker = GraphDatabase.driver(bolt, AuthTokens.none())) {
            for (String candidate : candidates.stream().distinct().toList()) {
                assertThrows(AuthenticationException.class, () -> {
                    try (var session = attacker.session(org.neo4j.driver.Session.class, SessionConfig.forDatabase("neo4j"),
                            AuthTokens.basic("neo4j", candidate))) {
                        session.run(CypherQueries.load().text(Query.STATS)).consume();
                    }
                }, "logged in with a string found in the output or the logs: " + candidate);
            }
        }
        String upgrade = BoltProbe.webSocketUpgrade("127.0.0.1", Integer.parseInt(boltPort));
        assertFalse(upgrade.contains("101"), upgrade);
    }

    @Test
    void withoutAPasswordOneIsGeneratedAndPrintedOnce() throws Exception {
        int port = FreePort.pick();
        List<String> output = serve(Map.of(), "--bolt-port", String.valueOf(port));
        Matcher m = BOLT.matcher(String.join("\n", output));
        assertTrue(m.find(), String.join("\n", output));
        String password = m.group(2);
        assertEquals(24, password.length(), password);
        assertEquals(0, referrals(m.group(1), password));
    }
}
