package bridgemap.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import bridgemap.api.ApiServer;
import bridgemap.report.Json;
import bridgemap.testing.TestStore;
import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** The London demo's HTTP API beside the command line, for tests that check both give the same answer. */
final class DemoApi implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private final Javalin server;

    private DemoApi(Javalin server) {
        this.server = server;
    }

    /** Loads the demo into the test store (once) and starts the API on a free loopback port. */
    static DemoApi start() {
        TestStore.demo();
        return new DemoApi(ApiServer.create(TestStore.app(), "127.0.0.1", 0).start());
    }

    HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** The JSON of a GET that must answer 200. */
    JsonNode json(String path) throws Exception {
        HttpResponse<String> response = get(path);
        assertEquals(200, response.statusCode(), response.body());
        return Json.mapper().readTree(response.body());
    }

    @Override
    public void close() {
        server.stop();
    }
}
