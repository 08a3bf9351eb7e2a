package bridgemap.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bridgemap.testing.TestStore;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 17 item 2: the planner's agency suggestions come from {@code GET /api/agencies} (the day's agencies by name),
 * not from the whole node-level network.
 */
class AgenciesRouteTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper MAPPER = new ObjectMapper();
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
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(String path) throws Exception {
        HttpResponse<String> response = get(path);
        assertEquals(200, response.statusCode(), path + ": " + response.body());
        return MAPPER.readTree(response.body());
    }

    @Test
    void theTinyBundlesAgenciesAreListedByNameWithTheirSectors() throws Exception {
        JsonNode answer = json("/api/agencies?asOf=2014-03-01");
        assertEquals("2014-03-01", answer.get("asOf").asText());
        List<String> rows = new ArrayList<>();
        answer.get("agencies").forEach(a -> rows.add(a.get("id").asText() + " | " + a.get("name").asText() + " | "
                + a.get("sector").asText()));
        assertEquals(List.of(
                "trust-taf | Camden and Islington NHS Foundation Trust | health",
                "hmcts | HM Courts Service | criminal_justice",
                "drugs-isl | Islington substance misuse provider | substance_misuse",
                "lpt | London Probation | criminal_justice",
                "mps | Metropolitan Police Service | criminal_justice",
                "together | Together | voluntary"), rows);
    }

    @Test
    void noDayIsTheDefaultDayAndABadDayIsAProblemNamingTheField() throws Exception {
        assertEquals(json("/api/vocabulary").get("latest").asText(), json("/api/agencies").get("asOf").asText());
        HttpResponse<String> bad = get("/api/agencies?asOf=2014-13-01");
        assertEquals(400, bad.statusCode(), bad.body());
        assertTrue(bad.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        assertTrue(bad.body().contains("asOf"), bad.body());
    }
}
