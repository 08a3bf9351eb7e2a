package bridgemap.model;

import java.time.LocalDate;

/**
 * One hand-off in a case's pathway: from a setting, agency or practitioner to a service, agency or practitioner.
 *
 * @param cellKey the record key disclosure control counts this referral with (0–255; see {@link Tally}); 0 until
 *     the referral is read for analysis
 */
public record Referral(String id, String caseId, LocalDate date, String fromId, String toId, Outcome outcome, String reason,
        int cellKey) {

    /** A referral as a bundle states it, before it has a record key. */
    public Referral(String id, String caseId, LocalDate date, String fromId, String toId, Outcome outcome, String reason) {
        this(id, caseId, date, fromId, toId, outcome, reason, 0);
    }
}
