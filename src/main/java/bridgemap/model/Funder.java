package bridgemap.model;

/** A body that pays for posts. */
public record Funder(String id, String name, FunderKind kind) {}
