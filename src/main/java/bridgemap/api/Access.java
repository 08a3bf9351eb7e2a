package bridgemap.api;

import bridgemap.privacy.Role;
import io.javalin.security.RouteRole;
import java.util.EnumSet;
import java.util.Set;

/** What each API route needs, declared with the route. */
enum Access implements RouteRole {
    /** Aggregated reads: every role (researchers under disclosure control). */
    READ(EnumSet.allOf(Role.class)),
    /** Aggregated pathways for research: researchers, analysts, admins. */
    RESEARCH(EnumSet.of(Role.RESEARCHER, Role.ANALYST, Role.ADMIN)),
    /** Case-level data, planning runs and the query endpoint: analysts and admins. */
    ANALYSIS(EnumSet.of(Role.ANALYST, Role.ADMIN)),
    /** Changes: imports, saving and deleting scenarios. */
    ADMIN(EnumSet.of(Role.ADMIN)),
    /** Marks a route whose every call is written to the audit log (mutations, case-level reads). */
    AUDITED(EnumSet.noneOf(Role.class));

    private final Set<Role> roles;

    Access(Set<Role> roles) {
        this.roles = roles;
    }

    boolean allows(Role role) {
        return roles.contains(role);
    }
}
