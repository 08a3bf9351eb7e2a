package bridgemap.api;

import bridgemap.report.Json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bridgemap.testing.TestStore;
import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The HTTP API against the real embedded store. */
class ApiServerTest {

    private static Javalin server;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        server = TestStore.serveTiny();
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    static HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void healthSaysTheStoreAnswers() throws Exception {
        var response = get("/api/health");
        assertEquals(200, response.statusCode());
        JsonNode json = Json.mapper().readTree(response.body());
        assertEquals("ok", json.get("status").asText());
        assertEquals("embedded", json.get("store").asText());
    }

    @Test
    void statsCountsWhatIsStored() throws Exception {
        var response = get("/api/stats");
        assertEquals(200, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        JsonNode json = Json.mapper().readTree(response.body());
        assertEquals(6, json.get("labels").get("Agency").asInt());
        assertEquals(3, json.get("relationships").get("PLACED_AT").asInt());
    }

    @Test
    void anUnknownApiPathIsAProblemDocument() throws Exception {
        var response = get("/api/nothing-here");
        assertEquals(404, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        JsonNode json = Json.mapper().readTree(response.body());
        assertEquals(404, json.get("status").asInt());
        assertEquals("/api/nothing-here", json.get("instance").asText());
    }
}
