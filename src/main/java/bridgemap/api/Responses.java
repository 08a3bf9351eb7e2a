package bridgemap.api;

import bridgemap.report.Json;
import bridgemap.privacy.Disclosure;
import bridgemap.privacy.Role;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;

/** Sends results as JSON; to researchers, through disclosure control. */
final class Responses {

    private static final ObjectMapper MAPPER = Json.mapper();

    private Responses() {}

    static void json(Context ctx, Object result) {
        if (Caller.of(ctx).role() == Role.RESEARCHER) {
            ctx.json(Disclosure.control(MAPPER, result));
        } else {
            ctx.json(result);
        }
    }

    /**
     * Writes this call to the audit log, as routes declared {@link Access#AUDITED} always are: for a route whose
     * calls are audited only for some parameters (the bundle export).
     */
    static void audited(Context ctx) {
        ctx.attribute(AUDIT_CALL, Boolean.TRUE);
    }

    static final String AUDIT_CALL = "bridgemap.audit.call";

    /** Records how many rows an audited call returned or wrote. */
    static void auditRows(Context ctx, long rows) {
        ctx.attribute("bridgemap.audit.rows", rows);
    }
}
