package bridgemap.api;

import bridgemap.report.Json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bridgemap.catalogue.Analyses;
import bridgemap.catalogue.Analysis;
import bridgemap.service.AnalysisService;
import bridgemap.testing.TestStore;
import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import io.javalin.router.ParsedEndpoint;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Iterator;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every API route against the real store (the tiny bundle): status codes, shapes, problem documents. */
class ApiRoutesTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static Javalin server;

    @BeforeAll
    static void start() {
        server = ApiServer.create(TestStore.app(), "127.0.0.1", 0, 100_000).start();
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    @BeforeEach
    void tiny() throws Exception {
        TestStore.clear();
        TestStore.importBundle("tiny");
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(String path, byte[] body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .header("Content-Type", "application/zip")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        return Json.mapper().readTree(response.body());
    }

    private static JsonNode problem(HttpResponse<String> response, int status) throws Exception {
        assertEquals(status, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"),
                response.headers().toString());
        JsonNode json = json(response);
        assertEquals(status, json.get("status").asInt());
        assertTrue(!response.body().contains("at bridgemap."), "no stack trace: " + response.body());
        return json;
    }

    @ParameterizedTest
    @CsvSource({"gaps", "bottlenecks", "coverage", "outcomes", "funding"})
    void analysesAnswerWithTheCommandLinesJson(String analysis) throws Exception {
        // Issue 17: long lists come a page at a time; a page of 1,000 rows holds all of these, beside pages and views.
        var response = get("/api/analysis/" + analysis + "?asOf=2014-03-01&borough=E09000019&limit=1000");
        assertEquals(200, response.statusCode(), response.body());
        AnalysisService service = TestStore.app().analysis();
        var scope = service.scope(LocalDate.of(2014, 3, 1), "E09000019");
        Object expected = service.result(Analyses.named(analysis).orElseThrow(), scope);
        JsonNode answer = json(response);
        ListPages.forAnalysis(analysis).ifPresent(lists -> {
            ((com.fasterxml.jackson.databind.node.ObjectNode) answer).remove("pages");
            lists.lists().stream().filter(l -> !l.into().equals(l.source())).forEach(view -> {
                String path = view.into();
                JsonNode parent = path.contains(".") ? answer.at("/" + path.substring(0, path.lastIndexOf('.')).replace('.', '/')) : answer;
                ((com.fasterxml.jackson.databind.node.ObjectNode) parent).remove(path.substring(path.lastIndexOf('.') + 1));
            });
        });
        assertEquals(Json.mapper().readTree(Json.mapper().writeValueAsString(expected)), answer);
    }

    @Test
    void badParametersAreNamed() throws Exception {
        assertEquals("asOf", problem(get("/api/analysis/gaps?asOf=2014-13-01"), 400).get("parameter").asText());
        assertEquals("asOf", problem(get("/api/analysis/coverage?asOf=yesterday"), 400).get("parameter").asText());
        JsonNode borough = problem(get("/api/analysis/coverage?borough=E09000099"), 400);
        assertEquals("borough", borough.get("parameter").asText());
        assertTrue(borough.get("detail").asText().startsWith("unknown borough \"E09000099\""));
        assertEquals("sector", problem(get("/api/network?sector=police"), 400).get("parameter").asText());
    }

    @Test
    void unknownIdsAreNotFound() throws Exception {
        problem(get("/api/nodes/no-such-node"), 404);
        problem(get("/api/cases/no-such-case/pathway"), 404);
        problem(get("/api/no-such-route"), 404);
    }

    @Test
    void aNodeWithItsNeighboursAndMeasures() throws Exception {
        JsonNode node = json(get("/api/nodes/fmhp-isl-02?asOf=2014-03-01"));
        assertEquals("fmhp-isl-02", node.get("node").get("id").asText());
        assertEquals("voluntary", node.get("node").get("sector").asText());
        assertEquals("mc-highbury", node.get("referredBy").get(0).get("other").get("id").asText());
        assertEquals(2, node.get("referredTo").size());
        assertEquals(2, node.get("placements").size());
        assertEquals("f-lpt", node.get("funding").get(0).get("funderId").asText());
        assertTrue(node.get("measures").get("articulationPoint").asBoolean());
        JsonNode service = json(get("/api/nodes/cmht-isl?asOf=2014-03-01")).get("service");
        assertEquals("substance_misuse", service.get("excludes").get(0).asText());
    }

    @Test
    void aCasePathwayInDateOrder() throws Exception {
        JsonNode pathway = json(get("/api/cases/c-0001/pathway"));
        assertEquals(3, pathway.get("steps").size());
        assertEquals("2014-02-03", pathway.get("steps").get(0).get("date").asText());
        assertEquals("Highbury Corner Magistrates' Court", pathway.get("steps").get(0).get("from").get("name").asText());
        assertEquals("declined", pathway.get("steps").get(2).get("outcome").asText());
    }

    @Test
    void theNetworkIsReadyForCytoscape() throws Exception {
        JsonNode network = json(get("/api/network?asOf=2014-03-01"));
        assertEquals(5, network.get("elements").get("nodes").size());
        assertEquals(4, network.get("elements").get("edges").size());
        JsonNode data = network.get("elements").get("edges").get(0).get("data");
        for (String field : new String[] {"id", "source", "target", "referrals"}) {
            assertTrue(data.has(field), field);
        }
        JsonNode health = json(get("/api/network?asOf=2014-03-01&sector=health"));
        assertEquals(2, health.get("edgeCount").asInt(), "the edges into the CMHT");
    }

    @Test
    void boroughsCarryTheirMapTiles() throws Exception {
        JsonNode boroughs = json(get("/api/boroughs"));
        assertEquals(2, boroughs.size());
        JsonNode islington = boroughs.get(1);
        assertEquals("E09000019", islington.get("id").asText());
        assertEquals(4, islington.get("tile").get("col").asInt());
        assertEquals(2, islington.get("tile").get("row").asInt());
    }

    @Test
    void importsAZipAllOrNothing() throws Exception {
        var good = post("/api/imports?name=tiny-more.zip", FolderZip.of(TestStore.bundlePath("tiny-more")));
        assertEquals(201, good.statusCode(), good.body());
        assertEquals(1, json(good).get("summary").get("entities").get(0).get("created").asInt());
        assertEquals(5, TestStore.stats().count("Referral"));

        Path bad = TestStore.copyBundle("tiny-more", Files.createTempDirectory("bad"));
        Files.writeString(bad.resolve("referrals.csv"), "id,case,date,from,to,outcome,reason\nr-9,c-0002,2014-04-31,po-isl,cmht-isl,accepted,\n");
        JsonNode rejected = problem(post("/api/imports", FolderZip.of(bad)), 400);
        assertEquals("referrals.csv:2: date: \"2014-04-31\" is not a real date", rejected.get("errors").get(0).asText());
        assertEquals(5, TestStore.stats().count("Referral"));

        problem(post("/api/imports", "not a zip".getBytes()), 400);
        problem(post("/api/imports", new byte[0]), 400);
        problem(post("/api/imports", new byte[200_000]), 413);
    }

    @Test
    void theOpenApiDocumentDescribesEveryRouteAndNothingElse() throws Exception {
        JsonNode openApi = json(get("/openapi.json"));
        Set<String> documented = new TreeSet<>();
        for (Iterator<String> paths = openApi.get("paths").fieldNames(); paths.hasNext(); ) {
            String path = paths.next();
            openApi.get("paths").get(path).fieldNames().forEachRemaining(method ->
                    documented.add(method.toUpperCase(Locale.ROOT) + " " + path));
        }
        Set<String> routed = new TreeSet<>();
        for (ParsedEndpoint endpoint : server.unsafe.internalRouter.allHttpHandlers()) {
            String path = endpoint.endpoint.path;
            // Every GET route has a HEAD twin with its roles (HeadRequestTest); OpenAPI describes the GET.
            if (path.startsWith("/api/") && !endpoint.endpoint.method.name().equals("HEAD")) {
                routed.add(endpoint.endpoint.method.name() + " " + path);
            }
        }
        assertEquals(routed, documented);
    }

    @Test
    void everyAnalysisOfTheCatalogueIsDocumentedWithItsSummary() throws Exception {
        JsonNode paths = json(get("/openapi.json")).get("paths");
        for (Analysis<?> each : Analyses.ALL) {
            JsonNode operation = paths.path("/api/analysis/" + each.name()).path("get");
            assertTrue(operation.isObject(), "openapi.json documents GET /api/analysis/" + each.name());
            assertEquals(each.summary(), operation.path("summary").asText(), each.name() + ": the summary --help shows");
            assertEquals(200, get("/api/analysis/" + each.name()).statusCode(), each.name());
        }
    }

    @Test
    void everyPageIsServedWholeWithItselfAsTheCurrentNavigationItem() throws Exception {
        java.util.Map<String, String> pages = java.util.Map.of("/", "Overview", "/coverage.html", "Coverage map",
                "/network.html", "Network", "/gaps.html", "Gaps", "/bottlenecks.html", "Bottlenecks",
                "/timeline.html", "Timeline", "/planner.html", "Planner", "/research.html", "Research");
        for (var page : pages.entrySet()) {
            var response = get(page.getKey());
            assertEquals(200, response.statusCode(), page.getKey());
            assertEquals("text/html;charset=utf-8", response.headers().firstValue("Content-Type").orElse("").replace(" ", ""));
            String html = response.body();
            assertTrue(!html.contains("<!--#include"), page.getKey() + " still has an include");
            assertTrue(html.contains("<link rel=\"stylesheet\" href=\"/css/bridgemap.css\">"), page.getKey());
            assertTrue(html.contains("href=\"/openapi.json\">OpenAPI description</a>"), page.getKey() + " has the footer");
            assertEquals(pages.size(), html.split("class=\"govuk-service-navigation__link\"", -1).length - 1,
                    page.getKey() + " links every page");
            assertEquals(1, html.split("aria-current=\"page\"", -1).length - 1, page.getKey());
            assertTrue(html.contains("href=\"" + page.getKey() + "\" data-nav=\"" + page.getKey()
                    + "\" aria-current=\"page\"><strong class=\"govuk-service-navigation__active-fallback\">"
                    + page.getValue() + "</strong>"), page.getKey() + " is its own current item");
        }
        assertEquals(get("/").body(), get("/index.html").body());
        assertEquals(404, get("/partials/header.html").statusCode(), "the pages' parts are not pages");
        assertEquals(404, get("/no-such-page.html").statusCode());
    }

    @Test
    void theNavigationIsThePageListInItsOrder() throws Exception {
        java.util.List<String> paths = java.util.List.of("/", "/coverage.html", "/network.html", "/gaps.html",
                "/bottlenecks.html", "/timeline.html", "/planner.html", "/research.html");
        assertEquals(paths, WebPages.PAGES.stream().map(WebPages.Page::path).toList());
        java.util.regex.Pattern link = java.util.regex.Pattern.compile(
                "class=\"govuk-service-navigation__link\" href=\"([^\"]*)\" data-nav=\"\\1\"");
        for (String path : paths) {
            java.util.List<String> linked = link.matcher(get(path).body()).results().map(m -> m.group(1)).toList();
            assertEquals(paths, linked, path);
        }
        for (String part : java.util.List.of("layout", "filters", "navigation-item", "head", "footer")) {
            assertEquals(404, get("/partials/" + part + ".html").statusCode(), part + " is a part, not a page");
        }
    }

    /** Issue 16: one filters partial, each page's fields given as arguments; the form sends to the page itself. */
    @ParameterizedTest
    @CsvSource({"/, ''", "/coverage.html, kind", "/network.html, borough sector", "/gaps.html, borough",
            "/bottlenecks.html, borough", "/planner.html, ''"})
    void eachPageHasTheFiltersItsArgumentsName(String path, String fields) throws Exception {
        String html = get(path).body();
        assertEquals(1, html.split("<form id=\"filters\"", -1).length - 1, path);
        assertTrue(html.contains("<form id=\"filters\" class=\"bm-filters\" method=\"get\" action=\"" + path + "\">"), path);
        assertTrue(html.contains("<input class=\"govuk-input bm-date\" type=\"date\" id=\"asOf\" name=\"asOf\""), path);
        for (String field : java.util.List.of("borough", "sector", "kind")) {
            assertEquals(fields.contains(field), html.contains("<select class=\"govuk-select\" id=\"" + field + "\""),
                    path + " " + field);
        }
        boolean planner = path.equals("/planner.html");
        assertEquals(planner ? "Plan as things stood on this day" : "As of this day",
                html.replaceFirst("(?s).*<div id=\"asOf-hint\" class=\"govuk-hint\">([^<]*)</div>.*", "$1"), path);
        assertTrue(html.contains("data-module=\"govuk-button\">" + (planner ? "Use this date" : "Show") + "</button>"), path);
        assertTrue(!get("/timeline.html").body().contains("id=\"filters\""), "the timeline has its own controls");
    }

    @Test
    void swaggerAndTheLibrariesAreServedFromTheJar() throws Exception {
        var swagger = get("/swagger");
        assertEquals(200, swagger.statusCode());
        assertTrue(swagger.body().contains("swagger-ui"));
        var cytoscape = get("/lib/cytoscape/dist/cytoscape.esm.min.mjs");
        assertEquals(200, cytoscape.statusCode());
        assertTrue(cytoscape.headers().firstValue("Content-Type").orElse("").startsWith("text/javascript"));
        assertEquals(200, get("/lib/govuk-frontend/dist/govuk/govuk-frontend.min.css").statusCode());
        assertEquals(200, get("/assets/images/favicon.ico").statusCode());
        var favicon = get("/favicon.ico");
        assertEquals(200, favicon.statusCode(), "browsers ask for it whatever a page links");
        assertEquals("image/svg+xml", favicon.headers().firstValue("Content-Type").orElse(""));
        var traversal = get("/lib/govuk-frontend/..%2F..%2F..%2F..%2Fetc/passwd");
        assertTrue(traversal.statusCode() == 400 || traversal.statusCode() == 404, "refused: " + traversal.statusCode());
        assertTrue(!traversal.body().contains("root:"));
        assertEquals(404, get("/lib/no-such-webjar/x.js").statusCode());
    }
}
