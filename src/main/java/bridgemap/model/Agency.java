package bridgemap.model;

/** An organisation: probation, an NHS trust, a charity, a council, a police force … */
public record Agency(String id, String name, Sector sector, AgencyKind kind, String odsCode) {}
