package bridgemap.store;

import java.util.List;

/**
 * What an import wrote: per file, rows given, entities created and entities changed (the rest were
 * already stored exactly so); and the relationship counters Neo4j reported.
 */
public record WriteSummary(List<EntityCounts> entities, long relationshipsCreated, long relationshipsDeleted) {

    /** Counts for one bundle file. */
    public record EntityCounts(String file, int rows, long created, long updated) {

        public long unchanged() {
            return rows - created - updated;
        }
    }

    public WriteSummary {
        entities = List.copyOf(entities);
    }

    public int rows() {
        return entities.stream().mapToInt(EntityCounts::rows).sum();
    }

    public long created() {
        return entities.stream().mapToLong(EntityCounts::created).sum();
    }

    public long updated() {
        return entities.stream().mapToLong(EntityCounts::updated).sum();
    }

    /** True when the import found everything already stored exactly as given. */
    public boolean changedNothing() {
        return created() == 0 && updated() == 0 && relationshipsCreated == 0 && relationshipsDeleted == 0;
    }
}
