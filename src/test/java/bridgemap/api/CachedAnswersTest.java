package bridgemap.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bridgemap.testing.TestStore;
import io.javalin.Javalin;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 17: cached answers are prepared bytes with a strong ETag (304 for a client that holds them), gzipped when the
 * client accepts it, and dropped after an import; a node's details come from the day's cached analysis.
 */
class CachedAnswersTest {

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

    private static HttpResponse<byte[]> get(String path, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void aCachedAnalysisHasAStrongETagAndA304ForAClientThatHoldsIt() throws Exception {
        for (String path : new String[] {"/api/analysis/gaps?asOf=2014-03-01", "/api/network?asOf=2014-03-01",
                "/api/nodes/fmhp-isl-02?asOf=2014-03-01", "/api/summary?asOf=2014-03-01", "/api/vocabulary"}) {
            var first = get(path);
            assertEquals(200, first.statusCode(), path);
            String etag = first.headers().firstValue("ETag").orElseThrow();
            assertTrue(etag.matches("\"[A-Za-z0-9_-]+\""), path + ": a strong ETag: " + etag);
            assertTrue(first.headers().firstValue("Content-Type").orElse("").startsWith("application/json"), path);
            var again = get(path);
            assertArrayEquals(first.body(), again.body(), path);
            assertEquals(etag, again.headers().firstValue("ETag").orElseThrow(), path);

            var notModified = get(path, "If-None-Match", etag);
            assertEquals(304, notModified.statusCode(), path);
            assertEquals(0, notModified.body().length, path);
            // RFC 9110: a list of tags, and weak comparison.
            assertEquals(304, get(path, "If-None-Match", "\"older\", W/" + etag).statusCode(), path);
            assertEquals(200, get(path, "If-None-Match", "\"something-else\"").statusCode(), path);
        }
    }

    @Test
    void aClientThatAcceptsGzipGetsTheSameJsonGzipped() throws Exception {
        String path = "/api/network?asOf=2014-03-01";
        var plain = get(path);
        var zipped = get(path, "Accept-Encoding", "gzip");
        assertEquals(200, zipped.statusCode());
        assertEquals("gzip", zipped.headers().firstValue("Content-Encoding").orElse(""));
        assertTrue(zipped.body().length < plain.body().length);
        byte[] unzipped = new GZIPInputStream(new ByteArrayInputStream(zipped.body())).readAllBytes();
        assertArrayEquals(plain.body(), unzipped);
        assertFalse(plain.headers().firstValue("Content-Encoding").isPresent());
        assertTrue(zipped.headers().allValues("Vary").toString().contains("Accept-Encoding"));
        // The gzip's own ETag also revalidates.
        String etag = zipped.headers().firstValue("ETag").orElseThrow();
        assertNotEquals(plain.headers().firstValue("ETag").orElseThrow(), etag);
        assertEquals(304, get(path, "Accept-Encoding", "gzip", "If-None-Match", etag).statusCode());
        assertFalse(get(path, "Accept-Encoding", "gzip;q=0").headers().firstValue("Content-Encoding").isPresent());
    }

    @Test
    void aNodeIsReadFromTheDaysCachedAnalysis() {
        var analysis = TestStore.app().analysis();
        LocalDate day = LocalDate.parse("2014-03-01");
        assertSame(analysis.node("fmhp-isl-02", day), analysis.node("fmhp-isl-02", day), "computed once, then kept");
    }

    @Test
    void anImportDropsThePreparedAnswers() throws Exception {
        String path = "/api/analysis/coverage?asOf=2014-03-01";
        String before = get(path).headers().firstValue("ETag").orElseThrow();
        TestStore.clear();
        String empty = get(path).headers().firstValue("ETag").orElseThrow();
        assertNotEquals(before, empty, "the empty store's answer is not the old one");
        TestStore.importBundle("tiny");
        var after = get(path, "If-None-Match", empty);
        assertEquals(200, after.statusCode(), "the client's copy from before the import is not confirmed");
        assertEquals(before, after.headers().firstValue("ETag").orElseThrow(), "same content, same ETag");
    }
}
