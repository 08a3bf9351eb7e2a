package bridgemap.api;

import bridgemap.privacy.AuditLog;
import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The audit entries of API calls ({@link Access#isAudited}): a change's {@value AuditLog#STARTED} entry before its
 * handler runs, and every audited call's outcome after, refusals made before any handler ran included. Who is the
 * {@link Caller} (without a valid token: "anonymous" or "unrecognised", no role); the parameters are the path and
 * query parameters and, on a route with a JSON body, the body's top-level fields.
 */
final class AuditTrail {

    /** Largest JSON body whose fields are written to the audit log; a larger one is logged by size and SHA-256. */
    static final int BODY_LIMIT = 64 << 10;

    private static final String ACTION = "bridgemap.audit.action";

    private AuditTrail() {}

    /**
     * Before the handler of an audited call that changes something (POST, PUT, PATCH, DELETE) runs, and so before
     * anything is committed: the {@value AuditLog#STARTED} entry, on disk, so a change whose process dies before it
     * answers is still on record. Only calls that passed every check get here.
     */
    static void started(Context ctx, AuditLog audit) {
        if (Access.isAudited(ctx) && Perimeter.isStateChanging(ctx)) {
            AuditLog.Action action = action(ctx);
            audit.started(action);
            ctx.attribute(ACTION, action);
        }
    }

    /** After every call of an audited route, whatever its outcome (refusals included): the outcome entry. */
    static void finished(Context ctx, AuditLog audit) {
        if (!Access.isAudited(ctx)) {
            return;
        }
        AuditLog.Action started = ctx.attribute(ACTION);
        Long rows = ctx.attribute("bridgemap.audit.rows");
        audit.record(started != null ? started : action(ctx), String.valueOf(ctx.statusCode()), rows == null ? 0 : rows);
    }

    /**
     * Who did what: the caller, the route, and as parameters the path and query parameters and, for a JSON body, its
     * top-level fields (a query's {@code cypher} and {@code parameters}; a scenario's name and changes).
     */
    private static AuditLog.Action action(Context ctx) {
        Caller caller = Caller.of(ctx);
        Map<String, Object> parameters = new LinkedHashMap<>(ctx.pathParamMap());
        ctx.queryParamMap().forEach((k, v) -> parameters.put(k, v.size() == 1 ? v.get(0) : v));
        if (Access.hasJsonBody(ctx)) {
            bodyFields(ctx).forEach((k, v) -> parameters.put(parameters.containsKey(k) ? "body." + k : k, v));
        }
        var matched = ctx.endpoints().matchedHttpEndpoint();
        return AuditLog.Action.of(caller.id(), caller.roleCode(),
                ctx.method() + " " + (matched == null ? ctx.path() : matched.path), parameters);
    }

    private static Map<String, Object> bodyFields(Context ctx) {
        byte[] body;
        try {
            body = ctx.bodyAsBytes();
        } catch (RuntimeException e) {
            return Map.of("body", "(not read: " + e.getMessage() + ")");
        }
        if (body.length > BODY_LIMIT) {
            return Map.of("body", Map.of("bytes", body.length, "sha256", sha256(body)));
        }
        JsonNode json;
        try {
            json = Json.mapper().readTree(body);
        } catch (IOException e) {
            return Map.of("body", new String(body, StandardCharsets.UTF_8));
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        if (json != null && json.isObject()) {
            json.properties().forEach(field -> fields.put(field.getKey(), field.getValue()));
        } else if (json != null) {
            fields.put("body", json);
        }
        return fields;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
