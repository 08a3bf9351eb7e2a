package bridgemap.analysis.gaps;

import bridgemap.model.NetworkNode;
import java.util.List;

/**
 * Entry settings from which no service able to take a need can be reached within three hops.
 *
 * @param settings every entry setting in scope, most unreachable needs first, then by borough and name
 * @param unreachable the unreachable (setting, need) pairs, in the order of {@code settings}, needs in
 *     vocabulary order
 */
public record UnreachableEntriesResult(List<EntryReach> settings, List<UnreachablePair> unreachable) {

    public UnreachableEntriesResult {
        settings = List.copyOf(settings);
        unreachable = List.copyOf(unreachable);
    }

    /**
     * One entry setting.
     *
     * @param needs how many needs were tried (the snapshot's vocabulary)
     * @param unreachableCount how many of them no accepting service is reachable for
     * @param unreachableNeeds those needs, in vocabulary order
     */
    public record EntryReach(
            NetworkNode setting, String boroughName, int needs, int unreachableCount, List<String> unreachableNeeds) {

        public EntryReach {
            unreachableNeeds = List.copyOf(unreachableNeeds);
        }
    }

    /** A need for which no accepting service serving the setting's borough is within reach of the setting. */
    public record UnreachablePair(NetworkNode setting, String need) {}
}
