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
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code POST /api/imports?format=openreferral}: a zipped package or one JSON document, all or nothing. */
class OpenReferralImportRouteTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static Javalin server;

    @BeforeAll
    static void start() {
        server = ApiServer.create(TestStore.app(), "127.0.0.1", 0, 1_000_000).start();
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    @BeforeEach
    void emptyStore() {
        TestStore.clear();
    }

    private static HttpResponse<String> post(String query, String contentType, byte[] body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/api/imports" + query))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aZippedPackageImportsAndReportsTheMapping() throws Exception {
        var response = post("?format=openreferral&name=london.zip", "application/zip",
                FolderZip.of(Path.of("src/test/resources/openreferral/london"), "london/"));
        assertEquals(201, response.statusCode(), response.body());
        JsonNode json = Json.mapper().readTree(response.body());
        assertEquals("london.zip", json.at("/result/bundle").asText());
        assertEquals("tabular data package", json.at("/report/serialisation").asText());
        assertEquals(3, json.at("/report/agencies").size());
        assertEquals(4, json.at("/report/services").size());
        assertEquals(4, TestStore.stats().labels().get("Service"));
    }

    @Test
    void oneJsonDocumentIsReadAsTheJsonApiFormAndItsProblemsAreJsonPointers() throws Exception {
        var response = post("?format=openreferral&name=service_full.json", "application/json",
                Files.readAllBytes(Path.of("src/test/resources/openreferral/uk-example/json/service_full.json")));
        assertEquals(400, response.statusCode(), response.body());
        JsonNode json = Json.mapper().readTree(response.body());
        assertTrue(json.at("/errors/0").asText().startsWith("service_full.json: /service_areas/0/name: \"The service is "
                + "available to all residents of the MyCity area."), response.body());
        assertEquals(0, TestStore.stats().nodeCount());
    }

    @Test
    void anUnknownFormatIsABadParameter() throws Exception {
        var response = post("?format=hsds", "application/zip", new byte[] {1});
        assertEquals(400, response.statusCode());
        JsonNode json = Json.mapper().readTree(response.body());
        assertEquals("format", json.get("parameter").asText());
    }
}
