package bridgemap.privacy;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Who may do what. {@code VIEWER}: aggregated analyses, the network, the timeline. {@code RESEARCHER}: the
 * same with disclosure control, and aggregated pathways; never case-level data. {@code ANALYST}: the viewer's
 * reads without disclosure control, planning runs, case pathways and the read-only query endpoint.
 * {@code ADMIN}: everything, including imports and saving or deleting scenarios.
 */
public enum Role {
    VIEWER, RESEARCHER, ANALYST, ADMIN;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Role> parse(String code) {
        return Arrays.stream(values()).filter(r -> r.code().equals(code)).findFirst();
    }
}
