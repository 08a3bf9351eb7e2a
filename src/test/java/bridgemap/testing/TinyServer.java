package bridgemap.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import bridgemap.ingest.BundleRejectedException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * The API over the tiny bundle ({@link TestStore#serveTiny()}) with the two requests API tests make of it: a GET as
 * it is answered, and a GET that must answer 200, read as JSON.
 */
public final class TinyServer implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Javalin server;

    private TinyServer(Javalin server) {
        this.server = server;
    }

    /** Clears the test store, imports the tiny bundle and serves it on a free loopback port. */
    public static TinyServer start() throws BundleRejectedException {
        return new TinyServer(TestStore.serveTiny());
    }

    /** GET {@code path} (with its query), answered as it is. */
    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** GET {@code path}, which must answer 200, as JSON. */
    public JsonNode json(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = get(path);
        assertEquals(200, response.statusCode(), path + ": " + response.body());
        return MAPPER.readTree(response.body());
    }

    /** A body read as JSON (a problem's, say). */
    public static JsonNode read(String body) throws IOException {
        return MAPPER.readTree(body);
    }

    @Override
    public void close() {
        server.stop();
    }
}
