package bridgemap.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bridgemap.report.Json;
import bridgemap.testing.TestStore;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
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
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The README's run command as a user runs it: the packaged jar serves the demo over HTTP, stops on
 * SIGTERM without lingering, and finds its data again on the next start.
 */
class ServeProcessIT {

    private static final Pattern SERVING = Pattern.compile("Bridgemap is serving http://127\\.0\\.0\\.1:(\\d+)/");
    private final Path data = createTemp();

    private static Path createTemp() {
        try {
            return Files.createTempDirectory("bridgemap-serve-it");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @AfterEach
    void cleanUp() {
        TestStore.deleteTree(data);
    }

    /** A running {@code bridgemap serve}, its port, and everything it printed so far. */
    private record Server(Process process, int port, List<String> output) {}

    private Server serve(String... extra) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", "target/bridgemap.jar", "serve", "--data", data.toString(), "--port", "0"));
        command.addAll(List.of(extra));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        List<String> output = new ArrayList<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(240);
        String line;
        while (System.nanoTime() < deadline && (line = reader.readLine()) != null) {
            output.add(line);
            Matcher m = SERVING.matcher(line);
            if (m.find()) {
                Thread drain = new Thread(() -> reader.lines().forEach(output::add), "serve-output");
                drain.setDaemon(true);
                drain.start();
                return new Server(process, Integer.parseInt(m.group(1)), output);
            }
        }
        process.destroyForcibly();
        throw new AssertionError("serve did not start:\n" + String.join("\n", output));
    }

    private static JsonNode get(Server server, String path) throws Exception {
        var response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        return Json.mapper().readTree(response.body());
    }

    private static void stop(Server server) throws InterruptedException {
        server.process().destroy(); // SIGTERM, as Ctrl-C or a service manager would send
        assertTrue(server.process().waitFor(30, TimeUnit.SECONDS),
                "serve did not exit within 30 s of SIGTERM:\n" + String.join("\n", server.output()));
    }

    @Test
    void servesTheDemoStopsCleanlyAndKeepsItsDataAcrossRestarts() throws Exception {
        Server first = serve("--demo");
        assertEquals("ok", get(first, "/api/health").get("status").asText());
        JsonNode stats = get(first, "/api/stats");
        assertEquals(33, stats.get("labels").get("Borough").asInt());
        long referrals = stats.get("labels").get("Referral").asLong();
        assertTrue(referrals > 40_000);
        stop(first);
        assertFalse(String.join("\n", first.output()).contains("Exception"), String.join("\n", first.output()));

        Server second = serve("--demo", "--host", "0.0.0.0");
        assertTrue(second.output().contains("No API tokens are configured, so Bridgemap listens on 127.0.0.1 only (not 0.0.0.0)."),
                String.join("\n", second.output()));
        assertTrue(second.output().contains("Store already holds data; the demo was not loaded again."),
                String.join("\n", second.output()));
        assertEquals(referrals, get(second, "/api/stats").get("labels").get("Referral").asLong());
        stop(second);
    }
}
