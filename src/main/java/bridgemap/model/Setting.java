package bridgemap.model;

/** A place where people pass through the system: a custody suite, a court, a probation office, a prison. */
public record Setting(String id, String name, SettingKind kind, String boroughId, String runById) {}
