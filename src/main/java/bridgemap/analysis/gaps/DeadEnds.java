package bridgemap.analysis.gaps;

import bridgemap.analysis.gaps.DeadEndsResult.BoroughDeadEnds;
import bridgemap.analysis.gaps.DeadEndsResult.DeadEndTarget;
import bridgemap.analysis.gaps.DeadEndsResult.HandOffDeadEnds;
import bridgemap.model.NetworkSnapshot;
import bridgemap.model.Outcome;
import bridgemap.model.Ratio;
import bridgemap.model.Referral;
import bridgemap.model.Sector;
import bridgemap.model.Tally;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Referral chains that end with nobody taking the person on.
 *
 * <p>Definition ({@code docs/analysis.md}, "Dead ends"): an in-scope case's <em>last referral</em> is its
 * latest dated ≤ D, ties broken by the highest referral id ({@link CaseChain#last()}). The case is
 * <em>resolved</em> when that referral is dated ≤ D − 90 days; a resolved case is a <em>dead end</em>
 * when that referral was {@code declined}, {@code no_response} or {@code withdrawn} — so no accepted
 * referral followed it within 90 days. A resolved case whose last referral is still {@code pending} is
 * resolved and not a dead end, as the definition reads. Rates are dead ends / resolved cases (NaN when
 * no case is resolved), per borough (the case's) and per hand-off (sector of the last referral's
 * {@code from} → sector of its {@code to}); "where chains dead-end" counts the {@code to} nodes of
 * dead-end last referrals.
 *
 * <p>{@link #resolved} and {@link #deadEnd} are the one implementation of the definition; the outcome
 * analysis uses them too.
 *
 * <p>Rows: boroughs by rate (highest first, NaN last), then dead ends, then name; hand-offs
 * cross-sector first, then by dead ends, then rate; endpoints by dead ends, then name.
 * O(r log r) for r referrals in the window.
 */
public final class DeadEnds {

    /** Days after which a case's last referral is taken as final. */
    public static final int RESOLUTION_DAYS = 90;

    /** Outcomes that lose the person: declined, no response, withdrawn. */
    public static final Set<Outcome> LOST = Set.of(Outcome.DECLINED, Outcome.NO_RESPONSE, Outcome.WITHDRAWN);

    private DeadEnds() {}

    /** True when the chain's last referral is dated on or before D − 90 days. */
    public static boolean resolved(CaseChain chain, LocalDate asOf) {
        Objects.requireNonNull(chain, "chain");
        Objects.requireNonNull(asOf, "asOf");
        return !chain.last().date().isAfter(asOf.minusDays(RESOLUTION_DAYS));
    }

    /** True when the chain is resolved and its last referral was declined, unanswered or withdrawn. */
    public static boolean deadEnd(CaseChain chain, LocalDate asOf) {
        return resolved(chain, asOf) && LOST.contains(chain.last().outcome());
    }

    /**
     * Dead ends among the in-scope cases of the snapshot, or of one borough's cases.
     *
     * @throws IllegalArgumentException when the filter names a borough the snapshot does not have
     */
    public static DeadEndsResult compute(NetworkSnapshot snapshot, String boroughFilter) {
        Objects.requireNonNull(snapshot, "snapshot");
        return ofChains(snapshot, CaseChain.of(snapshot, boroughFilter));
    }

    /** Dead ends among the cases of {@code chains} ({@link CaseChain#of}, which checked the filter). */
    static DeadEndsResult ofChains(NetworkSnapshot snapshot, List<CaseChain> chains) {
        LocalDate asOf = snapshot.asOf();

        final int cases = 0;
        final int resolved = 1;
        final int dead = 2;
        Map<String, Tally.Counter> byBorough = new LinkedHashMap<>();
        Map<List<Sector>, Tally.Counter> byHandOff = new LinkedHashMap<>();
        Map<String, Tally> endpoints = new LinkedHashMap<>();
        Tally.Counter all = new Tally.Counter(3);
        for (CaseChain chain : chains) {
            int key = chain.subject().cellKey();
            Tally.Counter borough = byBorough.computeIfAbsent(chain.subject().boroughId(), id -> new Tally.Counter(3));
            borough.add(cases, key);
            all.add(cases, key);
            if (!resolved(chain, asOf)) {
                continue;
            }
            Referral last = chain.last();
            boolean deadEnd = deadEnd(chain, asOf);
            Tally.Counter handOff = byHandOff.computeIfAbsent(
                    List.of(snapshot.node(last.fromId()).sector(), snapshot.node(last.toId()).sector()),
                    k -> new Tally.Counter(3));
            for (Tally.Counter counter : List.of(all, borough, handOff)) {
                counter.add(resolved, key);
                if (deadEnd) {
                    counter.add(dead, key);
                }
            }
            if (deadEnd) {
                endpoints.merge(last.toId(), Tally.of(key), Tally::plus);
            }
        }

        List<BoroughDeadEnds> boroughRows = new ArrayList<>();
        byBorough.forEach((id, n) -> boroughRows.add(new BoroughDeadEnds(id, AsOfRules.boroughName(snapshot, id),
                n.get(cases), n.get(resolved), n.get(dead), new Ratio(n.get(dead), n.get(resolved)))));
        boroughRows.sort((a, b) -> {
            int c = Ratio.descending(a.rate(), b.rate());
            if (c == 0) {
                c = b.deadEnds().compareTo(a.deadEnds());
            }
            return c != 0 ? c : a.boroughName().compareTo(b.boroughName());
        });

        List<HandOffDeadEnds> handOffRows = new ArrayList<>();
        byHandOff.forEach((pair, n) -> handOffRows.add(new HandOffDeadEnds(pair.get(0), pair.get(1), n.get(resolved),
                n.get(dead), new Ratio(n.get(dead), n.get(resolved)))));
        handOffRows.sort(Comparator.comparing((HandOffDeadEnds h) -> h.from() == h.to())
                .thenComparing(HandOffDeadEnds::deadEnds, Comparator.reverseOrder())
                .thenComparing((a, b) -> Ratio.descending(a.rate(), b.rate()))
                .thenComparing(HandOffDeadEnds::from)
                .thenComparing(HandOffDeadEnds::to));

        List<DeadEndTarget> targets = new ArrayList<>();
        endpoints.forEach((id, n) -> targets.add(new DeadEndTarget(snapshot.node(id), n)));
        targets.sort(Comparator.comparing(DeadEndTarget::deadEnds, Comparator.reverseOrder())
                .thenComparing(t -> t.node().name())
                .thenComparing(t -> t.node().id()));

        return new DeadEndsResult(all.get(cases), all.get(resolved), all.get(dead),
                new Ratio(all.get(dead), all.get(resolved)), boroughRows, handOffRows, targets);
    }
}
