package bridgemap.analysis.gaps;

import bridgemap.analysis.gaps.HandOffLossResult.SectorHandOffs;
import bridgemap.model.NetworkSnapshot;
import bridgemap.model.Outcome;
import bridgemap.model.Ratio;
import bridgemap.model.Referral;
import bridgemap.model.Sector;
import bridgemap.model.Tally;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Which hand-offs between sectors lose people.
 *
 * <p>Definition ({@code docs/analysis.md}, "Hand-off loss"): the referrals in the window — of the in-scope
 * cases, or of one borough's cases under a borough filter — grouped by the sector of {@code from} → the
 * sector of {@code to}: the total, each outcome, and loss = (declined + no_response + withdrawn) /
 * (total − pending); NaN when every referral of the group is pending.
 *
 * <p>Rows: cross-sector hand-offs first, then by loss (highest first, NaN last), then by total, then by
 * sector. O(r log r) for r referrals in the window.
 */
public final class HandOffLoss {

    private HandOffLoss() {}

    /**
     * Hand-off loss by sector pair.
     *
     * @throws IllegalArgumentException when the filter names a borough the snapshot does not have
     */
    public static HandOffLossResult compute(NetworkSnapshot snapshot, String boroughFilter) {
        Objects.requireNonNull(snapshot, "snapshot");
        return ofChains(snapshot, CaseChain.of(snapshot, boroughFilter));
    }

    /** Hand-off loss over the referrals of {@code chains} ({@link CaseChain#of}, which checked the filter). */
    static HandOffLossResult ofChains(NetworkSnapshot snapshot, List<CaseChain> chains) {
        Map<Sector, Map<Sector, Tally.Counter>> counts = new EnumMap<>(Sector.class);
        for (CaseChain chain : chains) {
            for (Referral referral : chain.referrals()) {
                Sector from = snapshot.node(referral.fromId()).sector();
                Sector to = snapshot.node(referral.toId()).sector();
                counts.computeIfAbsent(from, s -> new EnumMap<>(Sector.class))
                        .computeIfAbsent(to, s -> new Tally.Counter(Outcome.values().length))
                        .add(referral.outcome().ordinal(), referral.cellKey());
            }
        }
        List<SectorHandOffs> rows = new ArrayList<>();
        counts.forEach((from, byTo) -> byTo.forEach((to, n) -> rows.add(row(from, to, n))));
        rows.sort(Comparator.comparing((SectorHandOffs h) -> !h.crossSector())
                .thenComparing((a, b) -> Ratio.descending(a.loss(), b.loss()))
                .thenComparing(SectorHandOffs::total, Comparator.reverseOrder())
                .thenComparing(SectorHandOffs::from)
                .thenComparing(SectorHandOffs::to));
        return new HandOffLossResult(rows);
    }

    private static SectorHandOffs row(Sector from, Sector to, Tally.Counter n) {
        Tally accepted = n.get(Outcome.ACCEPTED.ordinal());
        Tally declined = n.get(Outcome.DECLINED.ordinal());
        Tally noResponse = n.get(Outcome.NO_RESPONSE.ordinal());
        Tally withdrawn = n.get(Outcome.WITHDRAWN.ordinal());
        Tally pending = n.get(Outcome.PENDING.ordinal());
        Tally lost = declined.plus(noResponse).plus(withdrawn);
        Tally decided = accepted.plus(lost);
        return new SectorHandOffs(from, to, from != to, decided.plus(pending), accepted, declined, noResponse, withdrawn,
                pending, lost, new Ratio(lost, decided));
    }
}
