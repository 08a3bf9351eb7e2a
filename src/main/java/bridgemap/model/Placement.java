package bridgemap.model;

/** A practitioner working at a setting for a period. */
public record Placement(String practitionerId, String settingId, Period period) {}
