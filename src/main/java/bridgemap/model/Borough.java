package bridgemap.model;

/** A local authority area, identified by its ONS GSS code (e.g. E09000019 Islington). */
public record Borough(String id, String name, String region) {}
