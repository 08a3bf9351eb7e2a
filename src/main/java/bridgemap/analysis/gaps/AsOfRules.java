package bridgemap.analysis.gaps;

import bridgemap.model.Borough;
import bridgemap.model.Need;
import bridgemap.model.NetworkSnapshot;
import bridgemap.model.Referral;
import bridgemap.model.Service;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The as-of rules the gap analyses share. A snapshot is already filtered to day D; the rules are applied
 * again here (cheaply) so that the definitions hold for any snapshot, including one built by hand.
 */
final class AsOfRules {

    private AsOfRules() {}

    /** Checks that a borough filter, when given, names a borough of the snapshot: a typo is an error, not an empty answer. */
    static void requireBorough(NetworkSnapshot snapshot, String boroughFilter) {
        Objects.requireNonNull(snapshot, "snapshot");
        if (boroughFilter != null && snapshot.boroughs().stream().noneMatch(b -> b.id().equals(boroughFilter))) {
            throw new IllegalArgumentException("no borough " + boroughFilter + " in the snapshot");
        }
    }

    /** The borough's name, or its id when the snapshot does not know it. */
    static String boroughName(NetworkSnapshot snapshot, String boroughId) {
        return snapshot.boroughs().stream()
                .filter(b -> b.id().equals(boroughId))
                .map(Borough::name)
                .findFirst()
                .orElse(boroughId);
    }

    /** True when the referral is dated in the referral window (D − 365 days, D]. */
    static boolean inWindow(NetworkSnapshot snapshot, Referral referral) {
        return referral.date().isAfter(snapshot.windowStart()) && !referral.date().isAfter(snapshot.asOf());
    }

    /** The services active on D. */
    static List<Service> activeServices(NetworkSnapshot snapshot) {
        return snapshot.services().stream().filter(s -> s.period().contains(snapshot.asOf())).toList();
    }

    /** Needs in the order of the snapshot's vocabulary; needs the vocabulary lacks come after, alphabetically. */
    static Comparator<String> needOrder(NetworkSnapshot snapshot) {
        Map<String, Integer> position = new HashMap<>();
        for (Need need : snapshot.needs()) {
            position.putIfAbsent(need.id(), position.size());
        }
        return Comparator.comparing((String n) -> position.getOrDefault(n, Integer.MAX_VALUE))
                .thenComparing(Comparator.naturalOrder());
    }
}
