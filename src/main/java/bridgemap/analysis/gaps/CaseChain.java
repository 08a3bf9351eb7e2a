package bridgemap.analysis.gaps;

import bridgemap.model.Case;
import bridgemap.model.NetworkSnapshot;
import bridgemap.model.Referral;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One in-scope case's pathway as of D: its referrals dated in the window (D − 365 days, D], in
 * <em>chain order</em> — by date, ties by referral id (string order). The gap and outcome analyses read
 * cases through this type. It carries the case, so it is working material and never part of a result.
 *
 * @param subject the case
 * @param referrals at least one referral, in chain order
 */
public record CaseChain(Case subject, List<Referral> referrals) {

    /** Chain order: by date, then by referral id. */
    public static final Comparator<Referral> CHAIN_ORDER =
            Comparator.comparing(Referral::date).thenComparing(Referral::id);

    public CaseChain {
        Objects.requireNonNull(subject, "subject");
        referrals = referrals.stream().sorted(CHAIN_ORDER).toList();
        if (referrals.isEmpty()) {
            throw new IllegalArgumentException("a case chain needs at least one referral: " + subject.id());
        }
    }

    /** The case's last referral: its latest dated ≤ D, ties broken by the highest id. */
    public Referral last() {
        return referrals.get(referrals.size() - 1);
    }

    /**
     * The chains of the snapshot's in-scope cases — those with a referral in the window — restricted to
     * the cases of {@code boroughFilter} when it is not null, in the snapshot's case order.
     * O(c + r log r) for c cases and r referrals.
     *
     * @throws IllegalArgumentException when the filter names a borough the snapshot does not have
     */
    public static List<CaseChain> of(NetworkSnapshot snapshot, String boroughFilter) {
        AsOfRules.requireBorough(snapshot, boroughFilter);
        Map<String, List<Referral>> byCase = new LinkedHashMap<>();
        for (Referral referral : snapshot.referrals()) {
            if (AsOfRules.inWindow(snapshot, referral)) {
                byCase.computeIfAbsent(referral.caseId(), id -> new ArrayList<>()).add(referral);
            }
        }
        List<CaseChain> chains = new ArrayList<>();
        for (Case subject : snapshot.cases()) {
            List<Referral> referrals = byCase.get(subject.id());
            if (referrals != null && (boroughFilter == null || boroughFilter.equals(subject.boroughId()))) {
                chains.add(new CaseChain(subject, referrals));
            }
        }
        return List.copyOf(chains);
    }
}
