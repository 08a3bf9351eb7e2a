package bridgemap.api;

import bridgemap.report.Json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bridgemap.privacy.Role;
import bridgemap.testing.TestStore;
import bridgemap.testing.TokenServer;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 18 over HTTP on the London demo: the researcher's question ("what pathways do people with psychosis and
 * substance misuse take, and how long does each step take?"), comparisons, the files, the checks on what is asked
 * and the audit trail.
 */
class ResearchRoutesTest {

    static final String QUESTION = "/api/research/pathways?need=psychosis&need=substance_misuse&financialYear=2013/14";
    private static TokenServer server;

    @BeforeAll
    static void start() {
        TestStore.demo();
        server = TokenServer.start("research");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static HttpResponse<byte[]> send(Role role, String path) throws Exception {
        return server.getBytes(role, path);
    }

    static JsonNode json(Role role, String path) throws Exception {
        return server.json(role, path);
    }

    static List<String> steps(JsonNode type) {
        List<String> steps = new ArrayList<>();
        type.path("steps").forEach(s -> steps.add(s.asText()));
        return steps;
    }

    @Test
    void theResearchersQuestionIsAnsweredWithTheChainsTheDemoHolds() throws Exception {
        JsonNode answer = json(Role.ANALYST, QUESTION + "&top=50");
        assertEquals(List.of("psychosis", "substance_misuse"), List.of(answer.path("cohort").path("needs").get(0).asText(),
                answer.path("cohort").path("needs").get(1).asText()), "both needs, not just the first");
        assertEquals("2013-04-01", answer.path("cohort").path("from").asText());
        assertEquals("2014-03-31", answer.path("cohort").path("to").asText());
        long people = answer.path("people").asLong();
        assertEquals(people, answer.path("engaged").asLong() + answer.path("deadEnds").asLong() + answer.path("open").asLong());
        long sum = 0;
        List<List<String>> types = new ArrayList<>();
        for (JsonNode type : answer.path("pathways")) {
            sum += type.path("people").asLong();
            types.add(steps(type));
        }
        assertEquals(people, sum, "every person follows one pathway type");
        for (List<String> chain : List.of(List.of("magistrates' court", "FMHP"),
                List.of("magistrates' court", "FMHP", "dual diagnosis service"),
                List.of("magistrates' court", "FMHP", "community mental health team", "drug and alcohol service"))) {
            assertTrue(types.contains(chain), "the issue's chains: " + chain + " in " + types);
        }
        JsonNode dual = answer.path("pathways").get(types.indexOf(List.of("magistrates' court", "FMHP", "dual diagnosis service")));
        JsonNode step = dual.path("stepDays").get(0);
        assertEquals("FMHP", step.path("from").asText());
        assertEquals("dual diagnosis service", step.path("to").asText());
        assertTrue(step.path("days").path("lower").asDouble() <= step.path("days").path("median").asDouble()
                && step.path("days").path("median").asDouble() <= step.path("days").path("upper").asDouble());
    }

    @Test
    void aComparisonSetsOneCohortAgainstAnotherAndSaysItIsNoCause() throws Exception {
        JsonNode answer = json(Role.ANALYST, "/api/research/compare?need=psychosis&need=substance_misuse&financialYear=2013/14"
                + "&versus.need=psychosis&versus.match=exactly");
        assertEquals("exactly", answer.path("second").path("cohort").path("match").asText());
        assertEquals("2013-04-01", answer.path("second").path("cohort").path("from").asText(), "the period carries over");
        JsonNode first = answer.path("first");
        assertEquals(first.path("all").path("people").asLong(),
                first.path("brokered").path("people").asLong() + first.path("direct").path("people").asLong());
        JsonNode difference = answer.path("engagement");
        assertTrue(difference.path("lower").asDouble() <= difference.path("estimate").asDouble());
        assertTrue(answer.path("caveat").asText().contains("not a cause"));
    }

    @Test
    void badQuestionsAreNamedAndNamedServicesAreForAnalysts() throws Exception {
        Map<String, String> bad = Map.of(
                "/api/research/pathways?need=psychosis&need=astrology", "need",
                "/api/research/pathways?financialYear=2013", "financialYear",
                "/api/research/pathways?match=some", "match",
                "/api/research/pathways?entry=community", "entry",
                "/api/research/pathways?from=2013-01-01", "to",
                "/api/research/pathways?top=0", "top",
                "/api/research/pathways?level=team", "level",
                "/api/research/pathways?format=xlsx", "format",
                "/api/research/compare?need=psychosis", "versus.need",
                "/api/research/compare?need=psychosis&versus.gender=robot", "versus.gender");
        for (var entry : bad.entrySet()) {
            HttpResponse<byte[]> response = send(Role.RESEARCHER, entry.getKey());
            assertEquals(400, response.statusCode(), entry.getKey());
            assertEquals(entry.getValue(), Json.mapper().readTree(response.body()).path("parameter").asText(), entry.getKey());
        }
        assertEquals(403, send(Role.RESEARCHER, QUESTION + "&level=service").statusCode());
        assertEquals(200, send(Role.ANALYST, QUESTION + "&level=service").statusCode());
        assertEquals(403, send(Role.VIEWER, QUESTION).statusCode(), "pathways are for research");
    }

    @Test
    void theTablesAndGraphCarryTheSameFiguresAsTheAnswer() throws Exception {
        JsonNode answer = json(Role.RESEARCHER, QUESTION);
        HttpResponse<byte[]> csv = send(Role.RESEARCHER, QUESTION + "&format=csv");
        assertEquals("application/zip", csv.headers().firstValue("Content-Type").orElse(""));
        Map<String, String> files = new java.util.LinkedHashMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(csv.body()))) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                files.put(e.getName(), new String(zip.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        assertEquals(List.of("pathways-summary.csv", "pathways-pathways.csv", "pathways-step_days.csv"), List.copyOf(files.keySet()));
        String[] first = files.get("pathways-pathways.csv").split("\n")[1].split(",");
        JsonNode top = answer.path("pathways").get(0);
        assertEquals(top.path("people").asText(), first[2], "people of the first type, as the JSON shows them");
        String graphml = new String(send(Role.RESEARCHER, QUESTION + "&format=graphml").body(), StandardCharsets.UTF_8);
        assertTrue(graphml.contains("<graphml") && graphml.contains("FMHP"), graphml);
        assertFalse(graphml.contains(">*<"), "no suppressed count in the graph");
    }

    @Test
    void everyQuestionIsAudited() throws Exception {
        long before = server.auditLines();
        send(Role.RESEARCHER, QUESTION);
        send(Role.ANALYST, "/api/research/compare?need=psychosis&versus.need=alcohol");
        List<JsonNode> entries = server.auditEntriesSince(before);
        assertTrue(entries.stream().anyMatch(e -> e.path("action").asText().equals("GET /api/research/pathways")
                && e.path("role").asText().equals("researcher") && e.path("parameters").toString().contains("substance_misuse")),
                entries.toString());
        assertTrue(entries.stream().anyMatch(e -> e.path("action").asText().equals("GET /api/research/compare")
                && e.path("parameters").toString().contains("versus.need")), entries.toString());
    }
}
