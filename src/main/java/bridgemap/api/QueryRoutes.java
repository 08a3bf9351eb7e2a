package bridgemap.api;

import bridgemap.report.Json;
import bridgemap.app.BridgemapApp;
import bridgemap.service.InvalidInputException;
import bridgemap.store.ReadOnlyQuery;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;

/** {@code POST /api/query}: analysts' read-only Cypher. */
final class QueryRoutes {

    static final Duration TIMEOUT = Duration.ofSeconds(20);
    static final int ROW_LIMIT = 1_000;
    /** Largest answer, in bytes of JSON (counted as rows are read): rows past it are left out. */
    static final long BYTE_LIMIT = 10L << 20;
    /** Largest request: the query (at most 20,000 characters) and its parameters. */
    static final int BODY_LIMIT = 1 << 20;
    /** Deepest nesting of lists and maps inside {@code parameters}. */
    static final int PARAMETER_DEPTH = 8;
    private static final ObjectMapper MAPPER = Json.mapper();

    private final BridgemapApp app;

    QueryRoutes(BridgemapApp app) {
        this.app = app;
    }

    /** Body: {@code {"cypher": "MATCH …", "parameters": {…}}}, at most {@link #BODY_LIMIT} bytes. */
    void query(Context ctx) {
        JsonNode body = readBody(ctx);
        if (body == null || !body.isObject() || !body.path("cypher").isTextual()) {
            throw new InvalidInputException("cypher", "give the query as \"cypher\" (text)");
        }
        JsonNode given = body.get("parameters");
        if (given != null && !given.isNull() && !given.isObject()) {
            throw new InvalidInputException("parameters", "give the parameters as an object: {\"name\": value, …}");
        }
        if (given != null && depth(given) > PARAMETER_DEPTH) {
            throw new InvalidInputException("parameters", "the parameters nest lists or objects more than "
                    + PARAMETER_DEPTH + " deep");
        }
        Map<String, Object> parameters = given != null && !given.isNull()
                ? MAPPER.convertValue(given, new TypeReference<Map<String, Object>>() { })
                : Map.of();
        ctx.attribute("bridgemap.audit.detail", body.get("cypher").asText());
        AuditTrail.detail(ctx, "parameters", parameters);
        ReadOnlyQuery.Result result = app.query().run(body.get("cypher").asText(), parameters, TIMEOUT, ROW_LIMIT, BYTE_LIMIT);
        Responses.auditRows(ctx, result.rows().size());
        Responses.json(ctx, result);
    }

    /** The request body as JSON, read no further than {@link #BODY_LIMIT} bytes whatever Content-Length says. */
    private static JsonNode readBody(Context ctx) {
        String tooLarge = "the request is larger than " + (BODY_LIMIT >> 20) + " MB: send a shorter query or fewer parameters";
        if (ctx.contentLength() > BODY_LIMIT) {
            throw new InvalidInputException("body", tooLarge);
        }
        byte[] bytes;
        try (InputStream in = ctx.bodyInputStream()) {
            bytes = in.readNBytes(BODY_LIMIT + 1);
        } catch (IOException e) {
            throw new InvalidInputException("body", "the request body could not be read");
        }
        if (bytes.length > BODY_LIMIT) {
            throw new InvalidInputException("body", tooLarge);
        }
        try {
            return MAPPER.readTree(bytes);
        } catch (IOException e) {
            throw new InvalidInputException("body", "send {\"cypher\": \"…\", \"parameters\": {…}} as JSON");
        }
    }

    /** How deep lists and objects nest in {@code node} (a scalar is 0), without recursion. */
    private static int depth(JsonNode node) {
        int deepest = 0;
        Deque<Map.Entry<JsonNode, Integer>> todo = new ArrayDeque<>();
        todo.push(Map.entry(node, 0));
        while (!todo.isEmpty()) {
            Map.Entry<JsonNode, Integer> next = todo.pop();
            if (next.getKey().isContainerNode()) {
                int level = next.getValue() + 1;
                deepest = Math.max(deepest, level);
                next.getKey().forEach(child -> todo.push(Map.entry(child, level)));
            }
        }
        return deepest;
    }
}
