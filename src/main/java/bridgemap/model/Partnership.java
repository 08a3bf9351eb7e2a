package bridgemap.model;

/** A dated working relationship between two agencies (a contract, a protocol, a liaison scheme …). */
public record Partnership(String fromId, String toId, String kind, Period period) {}
