package bridgemap.model;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A what-if: changes to apply to an as-of snapshot, never to the store. Saved scenarios are kept by name.
 */
public record Scenario(String name, String description, List<Change> changes) {

    public Scenario {
        Objects.requireNonNull(changes, "changes");
        changes = List.copyOf(changes);
    }

    /** One change of a scenario. */
    public sealed interface Change permits AddPost, RemovePractitioner, WithdrawFunder, AddPartnership,
            RemovePartnership, CloseSetting {}

    /**
     * A new post placed at {@code settingId}, or at the borough's first setting of {@code settingKind};
     * paid by {@code funderId} (an existing funder) or by a new funder named {@code newFunderName}.
     * {@code start} defaults to the as-of day.
     */
    public record AddPost(String boroughId, String settingId, SettingKind settingKind, double fte, String role,
            String employerId, String funderId, String newFunderName, Double amountGbp, LocalDate start, LocalDate end)
            implements Change {}

    /** A practitioner leaves: their placements, funding and referrals in the window go. */
    public record RemovePractitioner(String practitionerId) implements Change {}

    /** All of a funder's funding ends; the posts it alone paid for end with it. */
    public record WithdrawFunder(String funderId) implements Change {}

    /** A new partnership between two agencies, active from the as-of day. */
    public record AddPartnership(String fromId, String toId, String kind) implements Change {}

    /** A partnership between two agencies ends (of the given kind, or every kind when null). */
    public record RemovePartnership(String fromId, String toId, String kind) implements Change {}

    /** A setting closes: nobody is placed there and it refers and receives no one. */
    public record CloseSetting(String settingId) implements Change {}
}
