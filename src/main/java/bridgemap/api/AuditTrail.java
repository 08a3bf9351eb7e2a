package bridgemap.api;

import bridgemap.privacy.AuditLog;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The audit entries of API calls ({@link Access#isAudited}): a change's {@value AuditLog#STARTED} entry before its
 * handler runs, and every audited call's outcome after, refusals made before any handler ran included. Who is the
 * {@link Caller} (without a valid token: "anonymous" or "unrecognised", no role); the parameters are the path and
 * query parameters, and in the outcome entry what the handler read from the body ({@link #detail}). The filters never
 * read the body themselves, so a handler may read it as it likes (bounded, streamed).
 */
final class AuditTrail {

    private static final String ACTION = "bridgemap.audit.action";
    private static final String DETAILS = "bridgemap.audit.details";
    /** The query's Cypher text, as {@link QueryRoutes} has long recorded it. */
    private static final String CYPHER = "bridgemap.audit.detail";

    private AuditTrail() {}

    /**
     * Before the handler of an audited call that changes something (POST, PUT, PATCH, DELETE) runs, and so before
     * anything is committed: the {@value AuditLog#STARTED} entry, on disk, so a change whose process dies before it
     * answers is still on record. Only calls that passed every check get here.
     */
    static void started(Context ctx, AuditLog audit) {
        if (Access.isAudited(ctx) && Perimeter.isStateChanging(ctx)) {
            AuditLog.Action action = action(ctx, parameters(ctx));
            audit.started(action);
            ctx.attribute(ACTION, action);
        }
    }

    /** After every call of an audited route, whatever its outcome (refusals included): the outcome entry. */
    static void finished(Context ctx, AuditLog audit) {
        if (!Access.isAudited(ctx)) {
            return;
        }
        Map<String, Object> parameters = parameters(ctx);
        String cypher = ctx.attribute(CYPHER);
        if (cypher != null) {
            parameters.put("cypher", cypher);
        }
        Map<String, Object> details = ctx.attribute(DETAILS);
        if (details != null) {
            details.forEach((name, value) -> parameters.put(parameters.containsKey(name) ? "body." + name : name, value));
        }
        AuditLog.Action started = ctx.attribute(ACTION);
        AuditLog.Action action = started == null ? action(ctx, parameters)
                : new AuditLog.Action(started.request(), started.who(), started.role(), started.action(), parameters);
        Long rows = ctx.attribute("bridgemap.audit.rows");
        audit.record(action, String.valueOf(ctx.statusCode()), rows == null ? 0 : rows);
    }

    /** Records what the handler read from the body (a query's parameters) for this call's outcome entry. */
    static void detail(Context ctx, String name, Object value) {
        Map<String, Object> details = ctx.attribute(DETAILS);
        if (details == null) {
            details = new LinkedHashMap<>();
            ctx.attribute(DETAILS, details);
        }
        details.put(name, value);
    }

    private static Map<String, Object> parameters(Context ctx) {
        Map<String, Object> parameters = new LinkedHashMap<>(ctx.pathParamMap());
        ctx.queryParamMap().forEach((k, v) -> parameters.put(k, v.size() == 1 ? v.get(0) : v));
        return parameters;
    }

    private static AuditLog.Action action(Context ctx, Map<String, Object> parameters) {
        Caller caller = Caller.of(ctx);
        var matched = ctx.endpoints().matchedHttpEndpoint();
        return AuditLog.Action.of(caller.id(), caller.roleCode(),
                ctx.method() + " " + (matched == null ? ctx.path() : matched.path), parameters);
    }
}
