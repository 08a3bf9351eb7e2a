package bridgemap.api;

import bridgemap.privacy.Role;
import io.javalin.http.Context;

/**
 * Who is calling: the token's id (for the audit log) and its role; "local" with full access when no tokens are set.
 * A caller who was not recognised has no role ({@code role} is null): "anonymous" sent no token (or was refused
 * before the token was looked at), "unrecognised" sent one that is not configured.
 */
record Caller(String id, Role role) {

    static final String ATTRIBUTE = "bridgemap.caller";
    static final Caller LOCAL = new Caller("local", Role.ADMIN);
    static final Caller ANONYMOUS = new Caller("anonymous", null);
    static final Caller UNRECOGNISED = new Caller("unrecognised", null);

    /** The caller {@code authorise} identified, or {@link #ANONYMOUS} when it did not run or refused the request. */
    static Caller of(Context ctx) {
        Caller caller = ctx.attribute(ATTRIBUTE);
        return caller == null ? ANONYMOUS : caller;
    }

    /** The role's code for the audit log, or null for a caller without one. */
    String roleCode() {
        return role == null ? null : role.code();
    }
}
