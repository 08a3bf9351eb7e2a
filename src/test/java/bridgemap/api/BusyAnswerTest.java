package bridgemap.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bridgemap.catalogue.Analysis;
import bridgemap.report.CsvLayout;
import bridgemap.report.Json;
import bridgemap.service.AnalysisService;
import bridgemap.testing.TestStore;
import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 20: when the server is already computing as many different analyses as it allows, a request for yet another
 * day is answered 503 with Retry-After at once instead of waiting without end, and the health check still answers.
 */
class BusyAnswerTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static Javalin server;

    @BeforeAll
    static void start() throws Exception {
        server = TestStore.serveTiny();
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .timeout(java.time.Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aNewDayBeyondTheBoundIs503WithRetryAfterAndHealthStillAnswers() throws Exception {
        AnalysisService analysis = TestStore.app().analysis();
        CountDownLatch started = new CountDownLatch(AnalysisService.MAX_COMPUTING);
        CountDownLatch release = new CountDownLatch(1);
        Analysis<Integer> held = new Analysis<>("held", "An analysis the test holds until it lets it go.",
                (snapshot, borough) -> {
                    started.countDown();
                    try {
                        release.await(60, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return 1;
                }, (out, result) -> { }, CsvLayout.sections());
        ExecutorService pool = Executors.newFixedThreadPool(AnalysisService.MAX_COMPUTING);
        try {
            List<Future<Integer>> holding = new ArrayList<>();
            for (int i = 0; i < AnalysisService.MAX_COMPUTING; i++) {
                var scope = new AnalysisService.Scope(LocalDate.of(2013, 1, 1).plusDays(i), null);
                holding.add(pool.submit(() -> analysis.result(held, scope)));
            }
            assertTrue(started.await(60, TimeUnit.SECONDS), "every held analysis started");

            var busy = get("/api/analysis/coverage?asOf=2014-02-11");
            assertEquals(503, busy.statusCode());
            assertTrue(busy.headers().firstValue("Content-Type").orElse("").startsWith(ProblemDetail.CONTENT_TYPE));
            assertTrue(Integer.parseInt(busy.headers().firstValue("Retry-After").orElseThrow()) > 0);
            JsonNode problem = Json.mapper().readTree(busy.body());
            assertEquals(503, problem.get("status").asInt());
            assertTrue(problem.get("detail").asText().contains("try again"), problem.toString());

            var health = get("/api/health");
            assertEquals(200, health.statusCode(), "health does not wait behind analyses");

            release.countDown();
            for (Future<Integer> each : holding) {
                assertEquals(1, each.get(60, TimeUnit.SECONDS));
            }
            assertEquals(200, get("/api/analysis/coverage?asOf=2014-02-11").statusCode(), "answered once they are done");
        } finally {
            release.countDown();
            pool.shutdownNow();
        }
    }
}
