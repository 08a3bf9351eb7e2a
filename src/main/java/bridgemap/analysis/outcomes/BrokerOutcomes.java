package bridgemap.analysis.outcomes;

import bridgemap.analysis.gaps.CaseChain;
import bridgemap.analysis.gaps.DeadEnds;
import bridgemap.analysis.outcomes.OutcomesResult.HandOffOutcomes;
import bridgemap.analysis.outcomes.OutcomesResult.SectorPairOutcomes;
import bridgemap.model.NetworkSnapshot;
import bridgemap.model.Outcome;
import bridgemap.model.Referral;
import bridgemap.model.Sector;
import bridgemap.model.Tally;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What brokers add: for each ordered pair of sectors (A, B), A ≠ B, neither {@code voluntary}, hand-offs
 * made through a voluntary-sector broker against hand-offs made directly.
 *
 * <p>Definition ({@code docs/analysis.md}, "Outcomes"): a <b>direct</b> hand-off is a referral in the
 * window from an A node to a B node; a <b>brokered</b> hand-off is a referral from a voluntary-sector node
 * V to a B node where, earlier in the same case's chain, an A node referred that case to V. Compared,
 * brokered against direct: <b>acceptance</b> = accepted / (hand-offs − pending), per referral; <b>dead-end
 * rate</b> = dead ends / resolved cases, per case, among cases with at least one brokered A → B hand-off
 * against cases with direct A → B hand-offs only. Dead ends are {@link DeadEnds#deadEnd} exactly. Each
 * rate comes with its counts and a {@link WilsonInterval}. This shows an association, not a cause.
 *
 * <p>Choices: "earlier" is earlier in chain order ({@link CaseChain#CHAIN_ORDER}: date, then referral id),
 * so a same-day A → V referral with a smaller id counts and a later one does not; the A → V referral counts
 * whatever its outcome; V must be the same node (the practitioner or agency that received the case); a
 * brokered referral counts once for every sector A that referred the case to V before it. A borough
 * filter uses only the referrals of that borough's cases. Sector pairs with no hand-off of either kind
 * are left out.
 *
 * <p>One pass over each case's chain: O(r log r) for r referrals in the window.
 */
public final class BrokerOutcomes {

    private static final int SECTORS = Sector.values().length;

    private BrokerOutcomes() {}

    /**
     * Brokered against direct hand-offs, over every case or one borough's.
     *
     * @param boroughFilter a borough's GSS code, or null for every borough
     * @throws IllegalArgumentException when the filter names a borough the snapshot does not have
     */
    public static OutcomesResult compute(NetworkSnapshot snapshot, String boroughFilter) {
        Objects.requireNonNull(snapshot, "snapshot");
        LocalDate asOf = snapshot.asOf();
        Counts[] brokered = new Counts[SECTORS * SECTORS];
        Counts[] direct = new Counts[SECTORS * SECTORS];
        for (int i = 0; i < brokered.length; i++) {
            brokered[i] = new Counts();
            direct[i] = new Counts();
        }
        for (CaseChain chain : CaseChain.of(snapshot, boroughFilter)) {
            Map<String, Set<Sector>> referredBy = new HashMap<>();
            Set<Integer> brokeredPairs = new HashSet<>();
            Set<Integer> directPairs = new HashSet<>();
            for (Referral referral : chain.referrals()) {
                Sector from = snapshot.node(referral.fromId()).sector();
                Sector to = snapshot.node(referral.toId()).sector();
                if (from != Sector.VOLUNTARY && to != Sector.VOLUNTARY) {
                    if (from != to) {
                        direct[pair(from, to)].count(referral);
                        directPairs.add(pair(from, to));
                    }
                } else if (from == Sector.VOLUNTARY && to != Sector.VOLUNTARY) {
                    for (Sector a : referredBy.getOrDefault(referral.fromId(), Set.of())) {
                        if (a != to) {
                            brokered[pair(a, to)].count(referral);
                            brokeredPairs.add(pair(a, to));
                        }
                    }
                } else if (from != Sector.VOLUNTARY) {
                    referredBy.computeIfAbsent(referral.toId(), v -> EnumSet.noneOf(Sector.class)).add(from);
                }
            }
            boolean resolved = DeadEnds.resolved(chain, asOf);
            boolean deadEnd = DeadEnds.deadEnd(chain, asOf);
            for (int p : brokeredPairs) {
                brokered[p].countCase(chain.subject().cellKey(), resolved, deadEnd);
            }
            for (int p : directPairs) {
                if (!brokeredPairs.contains(p)) {
                    direct[p].countCase(chain.subject().cellKey(), resolved, deadEnd);
                }
            }
        }
        List<SectorPairOutcomes> rows = new ArrayList<>();
        for (Sector a : Sector.values()) {
            for (Sector b : Sector.values()) {
                int p = pair(a, b);
                if (brokered[p].counts.value(HAND_OFFS) > 0 || direct[p].counts.value(HAND_OFFS) > 0) {
                    rows.add(new SectorPairOutcomes(a, b, brokered[p].outcomes(), direct[p].outcomes()));
                }
            }
        }
        return new OutcomesResult(asOf, boroughFilter, rows);
    }

    private static int pair(Sector a, Sector b) {
        return a.ordinal() * SECTORS + b.ordinal();
    }

    private static final int HAND_OFFS = 0;
    private static final int ACCEPTED = 1;
    private static final int PENDING = 2;
    private static final int DECIDED = 3;
    private static final int CASES = 4;
    private static final int RESOLVED = 5;
    private static final int DEAD_ENDS = 6;

    /** Counters for one kind of hand-off of one sector pair, local to a computation. */
    private static final class Counts {
        final Tally.Counter counts = new Tally.Counter(7);

        void count(Referral referral) {
            int key = referral.cellKey();
            counts.add(HAND_OFFS, key);
            if (referral.outcome() == Outcome.PENDING) {
                counts.add(PENDING, key);
            } else {
                counts.add(DECIDED, key);
                if (referral.outcome() == Outcome.ACCEPTED) {
                    counts.add(ACCEPTED, key);
                }
            }
        }

        void countCase(int key, boolean isResolved, boolean isDeadEnd) {
            counts.add(CASES, key);
            if (isResolved) {
                counts.add(RESOLVED, key);
            }
            if (isDeadEnd) {
                counts.add(DEAD_ENDS, key);
            }
        }

        HandOffOutcomes outcomes() {
            return new HandOffOutcomes(counts.get(HAND_OFFS), counts.get(ACCEPTED), counts.get(PENDING),
                    new Proportion(counts.get(ACCEPTED), counts.get(DECIDED)), counts.get(CASES), counts.get(RESOLVED),
                    counts.get(DEAD_ENDS), new Proportion(counts.get(DEAD_ENDS), counts.get(RESOLVED)));
        }
    }
}
