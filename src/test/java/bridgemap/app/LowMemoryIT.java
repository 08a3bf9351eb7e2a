package bridgemap.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bridgemap.testing.JarProcess;
import bridgemap.testing.TestStore;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 20, low memory: the server on the London demo with a 512 MB heap (the operator's small server) loads the demo
 * and answers every analysis, the network, the summary and the CSV export, as the web pages ask for them, without
 * running out of memory. (Measured by hand: a 56 MB heap still serves them all; 40 MB does not start.)
 */
class LowMemoryIT {

    private static final List<String> PAGES = List.of("/api/analysis/gaps", "/api/analysis/bottlenecks",
            "/api/analysis/coverage", "/api/analysis/outcomes", "/api/analysis/funding", "/api/network", "/api/summary",
            "/api/export?format=csv&");
    private final Path data = JarProcess.tempDir("bridgemap-low-memory-it");

    @AfterEach
    void cleanUp() {
        TestStore.deleteTree(data);
    }

    @Test
    void theDemoIsServedWithA512MbHeap_issue20() throws Exception {
        JarProcess.Server server = JarProcess.serve(List.of("-Xmx512m"), "--demo", "--data", data.toString());
        try {
            HttpClient http = HttpClient.newHttpClient();
            for (String asOf : List.of("2014-06-30", "2013-06-30")) {
                for (String page : PAGES) {
                    String url = "http://127.0.0.1:" + server.port() + page + (page.endsWith("&") ? "" : "?") + "asOf=" + asOf;
                    HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url))
                            .timeout(Duration.ofSeconds(120)).build(), HttpResponse.BodyHandlers.ofString());
                    assertEquals(200, response.statusCode(), url + ": " + response.body());
                }
            }
            assertFalse(server.text().contains("OutOfMemoryError"), server.text());
        } finally {
            server.process().destroy();
            assertTrue(server.process().waitFor(60, TimeUnit.SECONDS), server.text());
        }
    }
}
