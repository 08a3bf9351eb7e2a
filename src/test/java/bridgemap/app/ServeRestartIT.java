package bridgemap.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bridgemap.report.Json;
import bridgemap.testing.JarProcess;
import bridgemap.testing.TestStore;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 20, restarts: SIGTERM (what systemd and Ctrl-C send) while an upload of the London demo is being imported and
 * reads are in flight. Every request ends — answered, or failed cleanly (a problem, or the connection closed) — none
 * hangs; the server exits within systemd's stop timeout having closed the store; the next start is quick and finds the
 * store exactly before the import or after it.
 */
class ServeRestartIT {

    private static final long DEMO_REFERRALS = 46_700;
    private final Path data = JarProcess.tempDir("bridgemap-restart-it");

    @AfterEach
    void cleanUp() {
        TestStore.deleteTree(data);
    }

    @Test
    void sigtermDuringAnImportAndReadsEndsCleanlyAndTheNextStartIsQuick_issue20() throws Exception {
        JarProcess.Server server = JarProcess.serve(List.of(), "--data", data.toString());
        String base = "http://127.0.0.1:" + server.port();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        CompletableFuture<HttpResponse<String>> upload = http.sendAsync(HttpRequest.newBuilder(
                URI.create(base + "/api/imports?name=london-demo.zip")).header("Content-Type", "application/zip")
                .POST(HttpRequest.BodyPublishers.ofByteArray(zip(Path.of("data/london-demo")))).build(),
                HttpResponse.BodyHandlers.ofString());
        List<CompletableFuture<HttpResponse<String>>> reads = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            reads.add(http.sendAsync(HttpRequest.newBuilder(URI.create(base + (i % 2 == 0 ? "/api/stats" : "/api/summary")))
                    .timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString()));
            Thread.sleep(150); // reads keep arriving while the upload is validated and written
        }

        server.process().destroy(); // SIGTERM
        assertTrue(server.process().waitFor(90, TimeUnit.SECONDS), "serve exited within systemd's TimeoutStopSec:\n"
                + server.text());
        assertTrue(server.text().contains("Stopped."), "the store was closed cleanly:\n" + server.text());

        List<String> outcomes = new ArrayList<>();
        for (CompletableFuture<HttpResponse<String>> request : concat(upload, reads)) {
            outcomes.add(outcome(request));
        }
        System.out.println("ServeRestartIT outcomes (upload first): " + outcomes);

        long started = System.nanoTime();
        JarProcess.Server again = JarProcess.serve(List.of(), "--data", data.toString());
        long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started);
        try {
            HttpResponse<String> stats = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + again.port()
                    + "/api/stats")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, stats.statusCode(), stats.body());
            long referrals = Json.mapper().readTree(stats.body()).get("labels").path("Referral").asLong(0);
            assertTrue(referrals == 0 || referrals == DEMO_REFERRALS, "before or after the import, not " + referrals);
            if (outcomes.get(0).equals("201")) {
                assertEquals(DEMO_REFERRALS, referrals, "an import answered 201 is kept");
            }
            System.out.println("ServeRestartIT restart in " + seconds + " s, " + referrals + " referrals");
            assertTrue(seconds < 90, "the next start took " + seconds + " s:\n" + again.text());
        } finally {
            again.process().destroy();
            assertTrue(again.process().waitFor(60, TimeUnit.SECONDS), again.text());
        }
    }

    /** "200", "503 application/problem+json" …, or "closed" when the connection ended without an answer. */
    private static String outcome(CompletableFuture<HttpResponse<String>> request) throws Exception {
        try {
            HttpResponse<String> response = request.get(60, TimeUnit.SECONDS);
            int status = response.statusCode();
            if (status >= 400) {
                String type = response.headers().firstValue("Content-Type").orElse("");
                assertTrue(type.startsWith("application/problem+json"), "a failure is a problem, not " + type + ": "
                        + response.body());
            }
            return String.valueOf(status);
        } catch (java.util.concurrent.ExecutionException e) {
            assertTrue(e.getCause() instanceof IOException, "a request failed with " + e.getCause());
            return "closed";
        }
    }

    private static List<CompletableFuture<HttpResponse<String>>> concat(CompletableFuture<HttpResponse<String>> first,
            List<CompletableFuture<HttpResponse<String>>> rest) {
        List<CompletableFuture<HttpResponse<String>>> all = new ArrayList<>(List.of(first));
        all.addAll(rest);
        return all;
    }

    private static byte[] zip(Path folder) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes); Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".csv")).sorted().toList()) {
                zip.putNextEntry(new ZipEntry(file.getFileName().toString()));
                zip.write(Files.readAllBytes(file));
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }
}
