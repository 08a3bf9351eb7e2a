package bridgemap.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bridgemap.testing.TinyServer;
import com.fasterxml.jackson.databind.JsonNode;
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

    private static TinyServer server;

    @BeforeAll
    static void start() throws Exception {
        server = TinyServer.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void theTinyBundlesAgenciesAreListedByNameWithTheirSectors() throws Exception {
        JsonNode answer = server.json("/api/agencies?asOf=2014-03-01");
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
        assertEquals(server.json("/api/vocabulary").get("latest").asText(), server.json("/api/agencies").get("asOf").asText());
        HttpResponse<String> bad = server.get("/api/agencies?asOf=2014-13-01");
        assertEquals(400, bad.statusCode(), bad.body());
        assertTrue(bad.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        assertTrue(bad.body().contains("asOf"), bad.body());
    }
}
