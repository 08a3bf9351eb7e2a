package bridgemap.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import bridgemap.api.ApiServer;
import bridgemap.privacy.AuditLog;
import bridgemap.privacy.Role;
import bridgemap.privacy.Tokens;
import bridgemap.report.Json;
import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The API over the shared store ({@link TestStore#app()}) as it runs with a tokens file: a token for every role, named
 * {@code NAME-ROLE} ("audit-viewer"), and an audit log, both in a temp folder that {@link #close()} deletes. What the
 * tests of roles, tokens, disclosure control and the audit trail send their requests to, as that role.
 */
public final class TokenServer implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final long UPLOAD_LIMIT = 1 << 20;

    private final Path dir;
    private final Path tokensFile;
    private final Map<Role, String> tokens = new EnumMap<>(Role.class);
    private final AuditLog audit;
    private final Javalin server;

    private TokenServer(String name, boolean withTokens, long maxUploadBytes, List<String> publicNames) {
        try {
            dir = Files.createTempDirectory("bridgemap-" + name);
            tokensFile = dir.resolve("tokens.txt");
            if (withTokens) {
                for (Role role : Role.values()) {
                    tokens.put(role, Tokens.add(tokensFile, name + "-" + role.code(), role));
                }
            }
            audit = AuditLog.open(dir.resolve("audit.log"), Clock.systemUTC());
            server = ApiServer.create(TestStore.app(), new ApiServer.Options("127.0.0.1", 0, maxUploadBytes,
                    withTokens ? Tokens.load(tokensFile) : Tokens.NONE, audit, publicNames)).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A started server with a token for every role, named {@code name-role}, refusing uploads over 1 MiB. */
    public static TokenServer start(String name) {
        return start(name, UPLOAD_LIMIT);
    }

    /** As {@link #start(String)}, refusing uploads over {@code maxUploadBytes} instead. */
    public static TokenServer start(String name, long maxUploadBytes) {
        return new TokenServer(name, true, maxUploadBytes, List.of());
    }

    /**
     * A started server without tokens, where every local caller is an admin, answering for {@code publicNames} besides
     * this machine's names.
     */
    public static TokenServer withoutTokens(String name, List<String> publicNames) {
        return new TokenServer(name, false, UPLOAD_LIMIT, publicNames);
    }

    /** The role's token, as its holder sends it. */
    public String token(Role role) {
        return tokens.get(role);
    }

    /** The tokens file, as the server read it. */
    public Path tokensFile() {
        return tokensFile;
    }

    public int port() {
        return server.port();
    }

    /** The Javalin server itself (its route table). */
    public Javalin javalin() {
        return server;
    }

    /** {@code http://127.0.0.1:PORT} and {@code path}. */
    public String url(String path) {
        return "http://127.0.0.1:" + server.port() + path;
    }

    /**
     * {@code method path} as {@code role} (no token when null), with {@code body} (none when null) sent as
     * {@code contentType} (no Content-Type when null).
     */
    public HttpResponse<String> send(Role role, String method, String path, String contentType, String body) throws Exception {
        return sendAs(role == null ? null : token(role), method, path, contentType,
                body == null ? null : body.getBytes(StandardCharsets.UTF_8));
    }

    /** As {@link #send}, with any bearer token (none when null), such as one the server never issued. */
    public HttpResponse<String> sendAs(String bearer, String method, String path, String contentType, byte[] body)
            throws Exception {
        return sendAs(bearer, method, path, contentType, body, HttpResponse.BodyHandlers.ofString());
    }

    private <T> HttpResponse<T> sendAs(String bearer, String method, String path, String contentType, byte[] body,
            HttpResponse.BodyHandler<T> answer) throws Exception {
        var request = HttpRequest.newBuilder(URI.create(url(path)))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return HTTP.send(request.build(), answer);
    }

    /** {@code GET path} as {@code role} (no token when null). */
    public HttpResponse<String> get(Role role, String path) throws Exception {
        return send(role, "GET", path, null, null);
    }

    /** {@code GET path} as {@code role}, its body as bytes (a zip, a file). */
    public HttpResponse<byte[]> getBytes(Role role, String path) throws Exception {
        return sendAs(role == null ? null : token(role), "GET", path, null, null, HttpResponse.BodyHandlers.ofByteArray());
    }

    /** The JSON answer to {@code GET path} as {@code role}, which must be 200. */
    public JsonNode json(Role role, String path) throws Exception {
        HttpResponse<String> response = get(role, path);
        assertEquals(200, response.statusCode(), path + ": " + response.body());
        return Json.mapper().readTree(response.body());
    }

    /** The audit log's file. */
    public Path auditFile() {
        return dir.resolve("audit.log");
    }

    /** How many entries the audit log holds: one a line. */
    public long auditLines() throws IOException {
        return Files.readAllLines(auditFile()).size();
    }

    /** Every entry of the audit log, each line read as one JSON object. */
    public List<JsonNode> auditEntries() throws IOException {
        return auditEntriesSince(0);
    }

    /** The entries written after the first {@code before} lines ({@link #auditLines()}). */
    public List<JsonNode> auditEntriesSince(long before) throws IOException {
        List<String> lines = Files.readAllLines(auditFile());
        List<JsonNode> entries = new ArrayList<>();
        for (String line : lines.subList((int) before, lines.size())) {
            entries.add(Json.mapper().readTree(line));
        }
        return entries;
    }

    /** Stops the server, closes the audit log and deletes the temp folder. */
    @Override
    public void close() {
        server.stop();
        audit.close();
        TestStore.deleteTree(dir);
    }
}
