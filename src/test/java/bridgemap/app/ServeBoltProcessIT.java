package bridgemap.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bridgemap.store.CypherQueries;
import bridgemap.store.Query;
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
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.exceptions.AuthenticationException;

/**
 * {@code bridgemap serve --bolt-port} from the packaged jar: Neo4j's tools (here, a separate driver) reach the
 * embedded store with the password given or the one printed at start, and nothing without it.
 */
class ServeBoltProcessIT {

    private static final Pattern BOLT = Pattern.compile(
            "Neo4j Bolt for Neo4j Browser, Desktop, Bloom and cypher-shell: (bolt://\\S+), user neo4j, password (\\S+)");
    private final Path data = createTemp();
    private Process process;

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
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", "target/bridgemap.jar", "serve", "--data", data.toString(), "--port", "0"));
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
                Thread drain = new Thread(() -> reader.lines().forEach(l -> { }), "serve-output");
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
