package bridgemap.api;

import bridgemap.privacy.Role;
import io.javalin.http.Context;

/** Who is calling: the token's id (for the audit log) and its role; "local" with full access when no tokens are set. */
record Caller(String id, Role role) {

    static final String ATTRIBUTE = "bridgemap.caller";
    static final Caller LOCAL = new Caller("local", Role.ADMIN);

    static Caller of(Context ctx) {
        Caller caller = ctx.attribute(ATTRIBUTE);
        return caller == null ? LOCAL : caller;
    }
}
