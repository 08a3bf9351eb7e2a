package bridgemap.analysis.gaps;

import bridgemap.model.NetworkSnapshot;
import java.util.List;
import java.util.Objects;

/**
 * Where people fall through the net, as of the snapshot's day: {@link ExclusionConflicts},
 * {@link DeadEnds}, {@link HandOffLoss} and {@link UnreachableEntries}, each as {@code docs/analysis.md}
 * defines it. A borough filter keeps that borough's cases and entry settings. Results hold counts of
 * people, never case ids.
 */
public final class GapsAnalysis {

    private GapsAnalysis() {}

    /**
     * All four gap analyses.
     *
     * @param boroughFilter a borough's GSS code, or null for every borough
     * @throws IllegalArgumentException when the filter names a borough the snapshot does not have
     */
    public static GapsResult compute(NetworkSnapshot snapshot, String boroughFilter) {
        Objects.requireNonNull(snapshot, "snapshot");
        // The filter is checked here, once (CaseChain.of); the parts then take the chains or the checked filter.
        List<CaseChain> chains = CaseChain.of(snapshot, boroughFilter);
        return new GapsResult(
                snapshot.asOf(),
                boroughFilter,
                ExclusionConflicts.ofChains(snapshot, chains),
                DeadEnds.ofChains(snapshot, chains),
                HandOffLoss.ofChains(snapshot, chains),
                UnreachableEntries.ofCheckedFilter(snapshot, boroughFilter));
    }
}
