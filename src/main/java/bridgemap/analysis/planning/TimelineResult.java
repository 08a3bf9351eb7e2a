package bridgemap.analysis.planning;

import bridgemap.model.SettingKind;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Yearly snapshots of cover and funding, oldest first. {@code latestData} is the last dated fact (post,
 * placement, funding row or referral): later years show only what was left open-ended.
 */
public record TimelineResult(java.time.LocalDate latestData, List<Year> years) {

    public TimelineResult {
        years = List.copyOf(years);
    }

    /**
     * The state on {@code date}: boroughs with some cover, posts placed and their FTE, distinct funders,
     * funding active (£) and each funder's share, the Herfindahl–Hirschman index of those shares
     * (Σ (100 × share)², 0–10,000: 10,000 = one funder pays for everything), cells with no cover and
     * fragile cells, and holes per setting kind.
     */
    public record Year(LocalDate date, int boroughsWithCover, int posts, double fte, int funders, double fundingGbp,
            List<FunderShare> fundingShares, double hhi, int cells, int holes, int fragile, Map<SettingKind, Integer> holesByKind) {

        public Year {
            fundingShares = List.copyOf(fundingShares);
            holesByKind = Map.copyOf(holesByKind);
        }
    }

    /** One funder's part of the funding active on the day. */
    public record FunderShare(String funderId, String funderName, double amountGbp, double share) {}
}
