package bridgemap.analysis.planning;

import bridgemap.analysis.gaps.CaseChain;
import bridgemap.model.NetworkNode;
import bridgemap.model.NetworkSnapshot;
import bridgemap.model.NodeType;
import bridgemap.model.Outcome;
import bridgemap.model.Placement;
import bridgemap.model.Referral;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What happens to the people a scenario displaces: those whose practitioner leaves (or whose post ends with its
 * funding) and those who came through a setting that closes. People do not disappear with their practitioner;
 * they stay where they came in, unserved unless something else reaches them (issue 14).
 *
 * <p>Definition ({@code docs/analysis.md}, "Displaced people"): a referral is <em>displaced</em> when its
 * {@code from} or {@code to} is a removed node — a practitioner who leaves or whose post ends, or a setting that
 * closes. A case with a displaced referral is a <em>displaced person</em>. Their <em>entry setting</em> is the
 * {@code from} of their first referral in chain order when that is a setting (closed or not); when it is a
 * practitioner, the setting where that practitioner was placed on D before the change (the first by name, then
 * id); otherwise that {@code from} node itself. Each displaced referral is replaced by one with the same id, case,
 * date and record key, from the entry setting to itself, with outcome {@code no_response} and reason
 * {@code displaced}: the person stays in scope where they came in, and nobody takes them on. Every other referral
 * stays as it was. So nobody leaves scope, a case's last referral keeps its date (whether it is resolved does not
 * change), and an outcome can only turn into {@code no_response}: no dead end disappears.
 *
 * <p>A referral from a node to itself is no hand-off: the referral graph leaves it out ({@code graph/ReferralGraph}),
 * and in the reach graph it reaches nothing new.
 *
 * <p>O(r log r) for r referrals.
 */
final class Displacement {

    /** The reason a displaced referral carries. */
    static final String REASON = "displaced";

    /**
     * The referrals after displacement, and each displaced person's entry setting.
     *
     * @param referrals every referral, in the order given, displaced ones replaced
     * @param entries displaced case id → the id of the node where they came in, in the order of first referral
     */
    record Rewritten(List<Referral> referrals, Map<String, String> entries) {}

    private Displacement() {}

    /**
     * Displaces the referrals touching {@code removed} nodes.
     *
     * @param before the snapshot before the change: where practitioners were placed
     * @param removed ids of practitioners who leave and settings that close
     * @param referrals the referrals to rewrite
     */
    static Rewritten apply(NetworkSnapshot before, Set<String> removed, List<Referral> referrals) {
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(removed, "removed");
        Map<String, Referral> first = new LinkedHashMap<>();
        Map<String, Boolean> displaced = new LinkedHashMap<>();
        for (Referral r : referrals) {
            first.merge(r.caseId(), r, (a, b) -> CaseChain.CHAIN_ORDER.compare(a, b) <= 0 ? a : b);
            if (touches(r, removed)) {
                displaced.put(r.caseId(), true);
            }
        }
        Map<String, String> entries = new LinkedHashMap<>();
        first.forEach((caseId, r) -> {
            if (displaced.containsKey(caseId)) {
                entries.put(caseId, entry(before, r.fromId()));
            }
        });
        List<Referral> out = new ArrayList<>(referrals.size());
        for (Referral r : referrals) {
            if (touches(r, removed)) {
                String entry = entries.get(r.caseId());
                out.add(new Referral(r.id(), r.caseId(), r.date(), entry, entry, Outcome.NO_RESPONSE, REASON, r.cellKey()));
            } else {
                out.add(r);
            }
        }
        return new Rewritten(out, entries);
    }

    static boolean touches(Referral r, Set<String> removed) {
        return removed.contains(r.fromId()) || removed.contains(r.toId());
    }

    /** Where a person whose first referral came from {@code fromId} came in. */
    private static String entry(NetworkSnapshot before, String fromId) {
        NetworkNode from = before.nodes().get(fromId);
        if (from == null || from.type() != NodeType.PRACTITIONER) {
            return fromId;
        }
        return before.placements().stream()
                .filter(p -> p.practitionerId().equals(fromId) && p.period().contains(before.asOf()))
                .map(Placement::settingId)
                .filter(id -> before.nodes().containsKey(id))
                .min(Comparator.comparing((String id) -> before.node(id).name()).thenComparing(Comparator.naturalOrder()))
                .orElse(fromId);
    }
}
