package bridgemap.api;

import bridgemap.report.Json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bridgemap.privacy.AuditLog;
import bridgemap.privacy.Role;
import bridgemap.privacy.Tokens;
import bridgemap.testing.TestStore;
import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code GET /api/export}: content types, file names, and problems for bad parameters. */
class ExportRouteTest {

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

    private static HttpResponse<byte[]> get(String query) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/api/export" + query)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String header(HttpResponse<?> response, String name) {
        return response.headers().firstValue(name).orElse("");
    }

    @Test
    void graphmlAndGexfAreXmlDownloadsNamedByDay() throws Exception {
        var graphml = get("?format=graphml&asOf=2014-03-01");
        assertEquals(200, graphml.statusCode());
        assertEquals("application/graphml+xml; charset=utf-8", header(graphml, "Content-Type"));
        assertEquals("attachment; filename=\"bridgemap-2014-03-01.graphml\"", header(graphml, "Content-Disposition"));
        assertTrue(new String(graphml.body()).contains("attr.name=\"betweenness\" attr.type=\"double\""));
        var gexf = get("?format=gexf&asOf=2014-03-01&borough=E09000019");
        assertEquals(200, gexf.statusCode());
        assertEquals("attachment; filename=\"bridgemap-2014-03-01-E09000019.gexf\"", header(gexf, "Content-Disposition"));
        assertTrue(new String(gexf.body()).contains("<gexf"));
    }

    @Test
    void csvAndOpenReferralAreZips() throws Exception {
        var csv = get("?format=csv&asOf=2014-03-01");
        assertEquals(200, csv.statusCode());
        assertEquals("application/zip", header(csv, "Content-Type"));
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(csv.body()))) {
            assertEquals("gaps-conflicts.csv", zip.getNextEntry().getName());
        }
        var openReferral = get("?format=openreferral");
        assertEquals(200, openReferral.statusCode());
        assertTrue(header(openReferral, "Content-Disposition").startsWith("attachment; filename=\"bridgemap-openreferral-"));
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(openReferral.body()))) {
            assertEquals("datapackage.json", zip.getNextEntry().getName());
        }
    }

    @Test
    void researchersMayDownloadTheDirectoryButNotExactCounts() throws Exception {
        Path dir = Files.createTempDirectory("bridgemap-export-roles");
        Path tokensFile = dir.resolve("tokens.txt");
        String researcher = Tokens.add(tokensFile, "test-researcher", Role.RESEARCHER);
        String viewer = Tokens.add(tokensFile, "test-viewer", Role.VIEWER);
        String analyst = Tokens.add(tokensFile, "test-analyst", Role.ANALYST);
        String admin = Tokens.add(tokensFile, "test-admin", Role.ADMIN);
        AuditLog audit = AuditLog.open(dir.resolve("audit.log"), Clock.systemUTC());
        Javalin guarded = ApiServer.create(TestStore.app(),
                new ApiServer.Options("127.0.0.1", 0, 1 << 20, Tokens.load(tokensFile), audit)).start();
        try {
            java.util.function.BiFunction<String, String, Integer> status = (token, query) -> {
                try {
                    var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + guarded.port() + "/api/export" + query));
                    if (token != null) {
                        request.header("Authorization", "Bearer " + token);
                    }
                    return HTTP.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            };
            assertEquals(401, status.apply(null, "?format=graphml"));
            assertEquals(403, status.apply(researcher, "?format=graphml"));
            assertEquals(403, status.apply(researcher, "?format=csv"));
            assertEquals(200, status.apply(researcher, "?format=openreferral"));
            assertEquals(200, status.apply(viewer, "?format=gexf"));
            // The bundle is the whole store, case-level data included: admins only, and every download audited.
            assertEquals(403, status.apply(viewer, "?format=bundle"));
            assertEquals(403, status.apply(analyst, "?format=bundle"));
            assertEquals(403, status.apply(researcher, "?format=bundle"));
            assertEquals(200, status.apply(admin, "?format=bundle"));
            String log = Files.readString(dir.resolve("audit.log"));
            assertTrue(log.contains("\"who\":\"test-admin\"") && log.contains("\"format\":\"bundle\""), log);
        } finally {
            guarded.stop();
            audit.close();
            TestStore.deleteTree(dir);
        }
    }

    @Test
    void aMissingOrUnknownFormatIsABadParameter() throws Exception {
        for (String query : new String[] {"", "?format=pdf"}) {
            var response = get(query);
            assertEquals(400, response.statusCode());
            JsonNode json = Json.mapper().readTree(response.body());
            assertEquals("format", json.get("parameter").asText(), new String(response.body()));
        }
        var borough = get("?format=graphml&borough=E09000099");
        assertEquals(400, borough.statusCode());
        assertEquals("borough", Json.mapper().readTree(borough.body()).get("parameter").asText());
    }
}
