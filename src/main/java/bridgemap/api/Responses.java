package bridgemap.api;

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
            ctx.json(Disclosure.apply(MAPPER.valueToTree(result)));
        } else {
            ctx.json(result);
        }
    }

    /** Records how many rows an audited call returned or wrote. */
    static void auditRows(Context ctx, long rows) {
        ctx.attribute("bridgemap.audit.rows", rows);
    }
}
