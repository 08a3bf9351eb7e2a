package bridgemap.cli;

import static bridgemap.cli.CliRun.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bridgemap.report.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Issue 14: {@code --borough} and {@code ?borough=} take a borough's name as well as its GSS code, with one answer. */
class BoroughByNameTest {

    private static DemoApi api;

    @BeforeAll
    static void start() {
        api = DemoApi.start();
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return api.get(path);
    }

    private static JsonNode json(String text) throws Exception {
        return Json.mapper().readTree(text);
    }

    @Test
    void aNameAnswersAsItsCodeOnTheCommandLineAndOverHttp_issue14() throws Exception {
        CliRun byCode = run("analyze", "coverage", "--as-of", "2014-06-30", "--borough", "E09000013", "--format", "json");
        assertEquals(0, byCode.exit(), byCode.err());
        for (String name : new String[] {"hammersmith and fulham", "Hammersmith & Fulham"}) {
            CliRun byName = run("analyze", "coverage", "--as-of", "2014-06-30", "--borough", name, "--format", "json");
            assertEquals(0, byName.exit(), byName.err());
            assertEquals(json(byCode.out()), json(byName.out()), name);
            HttpResponse<String> api = get("/api/analysis/coverage?asOf=2014-06-30&borough="
                    + URLEncoder.encode(name, StandardCharsets.UTF_8));
            assertEquals(200, api.statusCode(), api.body());
            assertEquals(json(byCode.out()), json(api.body()), name);
        }
        assertEquals("E09000013", json(byCode.out()).get("boroughId").asText(), "JSON keeps the code");
    }

    @Test
    void researchTakesANameToo_issue14() throws Exception {
        CliRun byCode = run("research", "pathways", "--need", "psychosis", "--borough", "E09000021", "--format", "json");
        assertEquals(0, byCode.exit(), byCode.err());
        CliRun byName = run("research", "pathways", "--need", "psychosis", "--borough", "Kingston upon Thames", "--format", "json");
        assertEquals(0, byName.exit(), byName.err());
        assertEquals(json(byCode.out()), json(byName.out()));
        HttpResponse<String> api = get("/api/research/pathways?need=psychosis&borough=kingston%20upon%20thames");
        assertEquals(200, api.statusCode(), api.body());
    }

    @Test
    void anUnknownOrAmbiguousNameIsBadInputNamingTheField_issue14() throws Exception {
        CliRun unknown = run("analyze", "gaps", "--borough", "Lambath");
        assertEquals(2, unknown.exit());
        assertTrue(unknown.err().contains("unknown borough \"Lambath\": give the name or GSS code"), unknown.err());
        HttpResponse<String> api = get("/api/research/compare?need=psychosis&versus.borough=Lambath");
        assertEquals(400, api.statusCode(), api.body());
        assertEquals("versus.borough", json(api.body()).get("parameter").asText(), api.body());
    }
}
