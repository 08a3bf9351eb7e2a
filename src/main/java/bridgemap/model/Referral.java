package bridgemap.model;

import java.time.LocalDate;

/** One hand-off in a case's pathway: from a setting, agency or practitioner to a service, agency or practitioner. */
public record Referral(String id, String caseId, LocalDate date, String fromId, String toId, Outcome outcome, String reason) {}
