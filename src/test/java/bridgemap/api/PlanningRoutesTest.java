package bridgemap.api;

import bridgemap.report.Json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bridgemap.catalogue.Analyses;
import bridgemap.testing.TestStore;
import com.fasterxml.jackson.databind.JsonNode;
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

/** Scenarios, plans, the timeline and the funding report over HTTP, on the London demo. */
class PlanningRoutesTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String NHSE = "{\"name\": \"nhse-withdraws\", \"changes\": [{\"type\": \"withdraw_funder\", \"funder\": \"fund-nhse\"}]}";
    private static Javalin server;

    @BeforeAll
    static void start() {
        TestStore.demo();
        server = ApiServer.create(TestStore.app(), "127.0.0.1", 0).start();
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    private static HttpResponse<String> send(String method, String path, String body) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        return Json.mapper().readTree(response.body());
    }

    private static List<String> sentences(JsonNode result) {
        List<String> sentences = new ArrayList<>();
        result.get("differences").forEach(d -> sentences.add(d.get("sentence").asText()));
        return sentences;
    }

    @Test
    void nhsEnglandWithdrawingIn2014ShowsWhichCourtAndCustodyCoverDisappears() throws Exception {
        var response = send("POST", "/api/scenarios?asOf=2014-06-30", NHSE);
        assertEquals(200, response.statusCode(), response.body());
        JsonNode result = json(response);
        assertEquals(22, result.get("before").get("boroughsWithCover").asInt());
        assertEquals(19, result.get("after").get("boroughsWithCover").asInt());
        List<String> sentences = sentences(result);
        assertTrue(sentences.contains("Wood Green Crown Court (Haringey) loses all 4 practitioners"), sentences::toString);
        assertTrue(sentences.contains("Kingston police custody suite (Kingston upon Thames) loses its only FMHP"), sentences::toString);
        assertTrue(sentences.contains("Snaresbrook Crown Court has nobody placed any more"), sentences::toString);
        assertEquals(46, TestStore.app().analysis().result(Analyses.COVERAGE, TestStore.app().analysis().scope(null, null))
                .summary().practitionersPlaced(), "the store is not changed");
    }

    @Test
    void scenariosAreSavedListedRerunOnAnotherDayAndDeleted() throws Exception {
        assertEquals(201, send("POST", "/api/scenarios?asOf=2014-06-30&save=true", NHSE).statusCode());
        JsonNode list = json(send("GET", "/api/scenarios", null));
        assertTrue(list.findValuesAsText("name").contains("nhse-withdraws"), list::toString);
        var rerun = send("POST", "/api/scenarios/nhse-withdraws/run?asOf=2013-06-30", null);
        assertEquals(200, rerun.statusCode(), rerun.body());
        assertEquals("2013-06-30", json(rerun).get("asOf").asText());
        assertEquals(204, send("DELETE", "/api/scenarios/nhse-withdraws", null).statusCode());
        assertEquals(404, send("GET", "/api/scenarios/nhse-withdraws", null).statusCode());
        assertEquals(404, send("DELETE", "/api/scenarios/nhse-withdraws", null).statusCode());
    }

    @Test
    void aBadScenarioNamesEveryProblem() throws Exception {
        String bad = "{\"changes\": [{\"type\": \"withdraw_funder\", \"funder\": \"lottery\"},"
                + " {\"type\": \"add_post\", \"borough\": \"E09000022\", \"settingKind\": \"castle\"}, {\"type\": \"teleport\"}]}";
        var response = send("POST", "/api/scenarios", bad);
        assertEquals(400, response.statusCode());
        JsonNode problem = json(response);
        assertEquals("changes[1].settingKind: unknown setting kind \"castle\" (expected one of: police_custody, "
                + "magistrates_court, crown_court, probation_office, prison, community)", problem.get("errors").get(0).asText());
        assertTrue(problem.get("errors").get(1).asText().startsWith("changes[2].type: unknown type \"teleport\""));
        var applied = send("POST", "/api/scenarios", "{\"changes\": [{\"type\": \"withdraw_funder\", \"funder\": \"lottery\"}]}");
        assertEquals("changes[0].funder: unknown funder \"lottery\"", json(applied).get("errors").get(0).asText());
        assertEquals(400, send("POST", "/api/scenarios", "[".repeat(100) + "]".repeat(100)).statusCode(), "deep JSON");
        assertEquals(400, send("POST", "/api/scenarios", "not json").statusCode());
    }

    @Test
    void thePlannerGivesThreePostsWithTheirGains() throws Exception {
        var response = send("POST", "/api/plans", "{\"posts\": 3, \"asOf\": \"2014-06-30\"}");
        assertEquals(200, response.statusCode(), response.body());
        JsonNode picks = json(response).get("picks");
        assertEquals(3, picks.size());
        assertEquals(picks.get(0).get("gain").asInt() + picks.get(1).get("gain").asInt(), picks.get(1).get("cumulative").asInt());
        assertEquals("posts", json(send("POST", "/api/plans", "{\"posts\": \"many\"}")).get("parameter").asText());
        assertEquals("settingKinds", json(send("POST", "/api/plans", "{\"posts\": 2, \"settingKinds\": [\"castle\"]}"))
                .get("parameter").asText());
    }

    /** Issue 14: the CLI's `plan --scenario … --budget …` over HTTP: the same picks ({@code cli/PlanningCommandsTest}). */
    @Test
    void aPlanStartsFromAScenarioWithinABudget() throws Exception {
        var response = send("POST", "/api/plans", "{\"posts\": 3, \"asOf\": \"2014-06-30\", \"demand\": \"cases\", \"scenario\": " + NHSE + "}");
        assertEquals(200, response.statusCode(), response.body());
        JsonNode plan = json(response);
        assertEquals("nhse-withdraws", plan.get("scenario").asText());
        assertEquals("NHS England withdraws: 26 posts lose funding, 24 of them end (no other funder)",
                plan.get("scenarioEffects").get(0).asText());
        assertEquals(784, plan.get("unmetDemand").asInt());
        List<String> picks = new ArrayList<>();
        plan.get("picks").forEach(p -> picks.add(p.get("boroughName").asText() + " " + p.get("settingKind").asText() + " "
                + p.get("gain").asInt() + " £" + Math.round(p.get("costGbp").asDouble())));
        assertEquals(List.of("Havering police_custody 72 £40930", "Kingston upon Thames police_custody 66 £40930",
                "Haringey crown_court 61 £40930"), picks);
        assertEquals(122_790, Math.round(plan.get("totalCostGbp").asDouble()));
        assertTrue(plan.get("budgetGbp").isNull());

        var budgeted = json(send("POST", "/api/plans", "{\"posts\": 3, \"asOf\": \"2014-06-30\", \"demand\": \"cases\", \"scenario\": " + NHSE
                + ", \"costPerPostGbp\": 40000, \"budgetGbp\": \"£80,000\"}"));
        assertEquals(2, budgeted.get("picks").size(), budgeted.toString());
        assertEquals("as given", budgeted.get("costSource").asText());
        assertEquals(80_000, budgeted.get("totalCostGbp").asDouble());
        assertTrue(budgeted.get("method").asText().startsWith("Every post costs the same, so the budget buys at most 2 posts"));

        var bad = send("POST", "/api/plans", "{\"posts\": 3, \"budgetGbp\": \"lots\"}");
        assertEquals(400, bad.statusCode());
        assertEquals("budgetGbp", json(bad).get("parameter").asText());
        assertEquals("budgetGbp: \"lots\" is not an amount of pounds more than £0; give one such as 250000, £250,000 or 250k",
                json(bad).get("detail").asText());
        assertEquals("costPerPostGbp", json(send("POST", "/api/plans", "{\"posts\": 3, \"costPerPostGbp\": -1}"))
                .get("parameter").asText());
        var unknown = send("POST", "/api/plans", "{\"posts\": 3, \"scenario\": \"nobody-saved-this\"}");
        assertEquals(400, unknown.statusCode());
        assertEquals("scenario", json(unknown).get("parameter").asText());
        assertEquals("scenario", json(send("POST", "/api/plans", "{\"posts\": 3, \"scenario\": 7}")).get("parameter").asText());
    }

    @Test
    void theTimelineTellsTheStoryFromOnePostTo22Boroughs() throws Exception {
        JsonNode years = json(send("GET", "/api/timeline", null)).get("years");
        assertEquals("1993-06-30", years.get(0).get("date").asText());
        assertEquals(1, years.get(0).get("boroughsWithCover").asInt());
        JsonNode y2014 = null;
        for (JsonNode y : years) {
            if (y.get("date").asText().equals("2014-06-30")) {
                y2014 = y;
            }
        }
        assertEquals(22, y2014.get("boroughsWithCover").asInt());
        assertTrue(y2014.get("hhi").asDouble() > 0);
    }

    @Test
    void theFundingReport() throws Exception {
        JsonNode report = json(send("GET", "/api/analysis/funding?asOf=2014-06-30", null));
        assertEquals("NHS England", report.get("shares").get(0).get("funderName").asText());
        assertTrue(report.get("endingWithinYear").size() > 0);
        assertTrue(report.get("singleFunderCells").size() > 0);
    }
}
