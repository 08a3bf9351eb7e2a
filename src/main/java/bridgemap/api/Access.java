package bridgemap.api;

import bridgemap.privacy.Role;
import io.javalin.http.Context;
import io.javalin.security.RouteRole;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * What each API route needs, declared with the route: the roles that may call it, and markers for how its calls
 * are treated ({@link #AUDITED}, {@link #JSON_BODY}, {@link AuditedWhen}).
 */
enum Access implements RouteRole {
    /** Aggregated reads: every role (researchers under disclosure control). */
    READ(EnumSet.allOf(Role.class)),
    /** Aggregated pathways for research: researchers, analysts, admins. */
    RESEARCH(EnumSet.of(Role.RESEARCHER, Role.ANALYST, Role.ADMIN)),
    /** Case-level data, planning runs and the query endpoint: analysts and admins. */
    ANALYSIS(EnumSet.of(Role.ANALYST, Role.ADMIN)),
    /** Changes: imports, saving and deleting scenarios. */
    ADMIN(EnumSet.of(Role.ADMIN)),
    /**
     * Marks a route whose every call is written to the audit log (mutations, case-level reads); a call that changes
     * something also gets an entry before its handler runs ({@code "outcome": "started"}).
     */
    AUDITED(EnumSet.noneOf(Role.class)),
    /**
     * Marks a route whose body is JSON: the request must say {@code Content-Type: application/json} (415 otherwise),
     * which a cross-site form or a CORS "simple" request cannot send.
     */
    JSON_BODY(EnumSet.noneOf(Role.class));

    private final Set<Role> roles;

    Access(Set<Role> roles) {
        this.roles = roles;
    }

    boolean allows(Role role) {
        return roles.contains(role);
    }

    /** Marks a route whose calls are audited when {@code condition} holds (the export, for the case-level bundle). */
    record AuditedWhen(Predicate<Context> condition) implements RouteRole { }

    /** The roles a route declares (markers left out); none means the route is open to every caller. */
    static List<Access> required(Set<RouteRole> declared) {
        return declared.stream().filter(r -> r instanceof Access a && a != AUDITED && a != JSON_BODY)
                .map(r -> (Access) r).toList();
    }

    /** Whether this call of its route is written to the audit log. */
    static boolean isAudited(Context ctx) {
        return ctx.routeRoles().stream().anyMatch(r -> r == AUDITED || r instanceof AuditedWhen when && when.condition().test(ctx))
                || ctx.attribute(Responses.AUDIT_CALL) != null;
    }

    static boolean hasJsonBody(Context ctx) {
        return ctx.routeRoles().contains(JSON_BODY);
    }
}
