package bridgemap.analysis.network;

import java.util.List;
import java.util.Objects;

/**
 * Cut vertices and cut edges of the undirected view of a graph.
 *
 * @param articulationPoints the articulation points, ascending
 * @param bridges the bridges as (min, max) pairs, ascending
 */
public record ArticulationResult(List<Integer> articulationPoints, List<Bridge> bridges) {

    public ArticulationResult {
        articulationPoints = List.copyOf(Objects.requireNonNull(articulationPoints, "articulationPoints"));
        bridges = List.copyOf(Objects.requireNonNull(bridges, "bridges"));
    }
}
