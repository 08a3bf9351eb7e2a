package bridgemap.model;

/** A post-holder, known only by a pseudonym (never a real name). */
public record Practitioner(String id, String role, String discipline, String employerId, double fte, Period period) {}
