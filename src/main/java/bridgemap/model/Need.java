package bridgemap.model;

/** A need in the bundle's vocabulary, e.g. {@code personality_disorder}. */
public record Need(String id, String name) {}
