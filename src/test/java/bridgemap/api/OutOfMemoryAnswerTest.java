package bridgemap.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bridgemap.report.Json;
import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/**
 * Issue 20, low memory: a request that runs out of heap is answered 503 with {@code Retry-After} as a problem, and the
 * server answers the next request. The error is thrown by a route of a bare Javalin that uses the API's own handler
 * ({@link ApiServer#answerError}): the demo's analyses fit in a 56 MB heap, so no real request can be made to run
 * out of memory here without making the test depend on the collector's timing.
 */
class OutOfMemoryAnswerTest {

    @Test
    void aRequestThatRunsOutOfMemoryGetsA503ProblemAndTheServerGoesOn_issue20() throws Exception {
        Javalin server = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.jetty.host = "127.0.0.1";
            config.jetty.port = 0;
            config.router.javaLangErrorHandler((response, error) -> ApiServer.answerError(response, error, Json.mapper()));
            config.routes.get("/api/analysis/huge", ctx -> {
                throw new OutOfMemoryError("Java heap space");
            });
            config.routes.get("/api/health", ctx -> ctx.result("ok"));
        }).start();
        try {
            HttpClient http = HttpClient.newHttpClient();
            String base = "http://127.0.0.1:" + server.port();
            HttpResponse<String> refused = http.send(HttpRequest.newBuilder(URI.create(base + "/api/analysis/huge")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(503, refused.statusCode(), refused.body());
            assertEquals("30", refused.headers().firstValue("Retry-After").orElse(""));
            assertTrue(refused.headers().firstValue("Content-Type").orElse("").startsWith(ProblemDetail.CONTENT_TYPE));
            JsonNode problem = Json.mapper().readTree(refused.body());
            assertEquals(503, problem.get("status").asInt());
            assertEquals("Out of memory", problem.get("title").asText());
            assertTrue(problem.get("detail").asText().contains("Try again shortly"), refused.body());
            assertEquals(200, http.send(HttpRequest.newBuilder(URI.create(base + "/api/health")).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode(), "the server goes on");
        } finally {
            server.stop();
        }
    }
}
