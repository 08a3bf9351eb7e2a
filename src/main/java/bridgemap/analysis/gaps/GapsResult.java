package bridgemap.analysis.gaps;

import java.time.LocalDate;
import java.util.Objects;

/**
 * The four fall-through-the-net analyses as of one day.
 *
 * @param asOf the day D
 * @param boroughId the borough filter, or null for all boroughs
 */
public record GapsResult(
        LocalDate asOf,
        String boroughId,
        ExclusionConflictsResult exclusionConflicts,
        DeadEndsResult deadEnds,
        HandOffLossResult handOffLoss,
        UnreachableEntriesResult unreachableEntries) {

    public GapsResult {
        Objects.requireNonNull(asOf, "asOf");
        Objects.requireNonNull(exclusionConflicts, "exclusionConflicts");
        Objects.requireNonNull(deadEnds, "deadEnds");
        Objects.requireNonNull(handOffLoss, "handOffLoss");
        Objects.requireNonNull(unreachableEntries, "unreachableEntries");
    }
}
