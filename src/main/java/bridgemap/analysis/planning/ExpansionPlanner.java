package bridgemap.analysis.planning;

import bridgemap.analysis.coverage.CellStatus;
import bridgemap.analysis.coverage.CoverageAnalysis;
import bridgemap.analysis.coverage.CoverageResult;
import bridgemap.model.NetworkSnapshot;
import bridgemap.model.SettingKind;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The expansion planner: choose {@code posts} cells (borough × setting kind) for new posts so that they
 * cover the most unmet demand, by greedy maximum coverage ({@link MaxCoverage}).
 *
 * <p>Unmet cells are the holes (and, when asked, the fragile cells) among the cells of the given setting
 * kinds; a cell holds the settings serving its borough, catchments included. What a post in a cell meets is
 * {@link PlanDemand}'s: with {@code activity} demand, the estimated people with mental-health needs passing through
 * its settings in the year ({@link ActivityDemand}: activity × prevalence, else referrals); with {@code cases}
 * demand, the people seen in the referral window at a setting of an unmet cell and at no setting of a covered one,
 * each once; with {@code equal} demand every unmet cell is one element. Each pick says where its demand comes from.
 */
public final class ExpansionPlanner {

    /** How demand is counted. */
    public enum Demand {
        ACTIVITY, CASES, EQUAL;

        /** The default: {@code activity} when the snapshot has activity figures, else {@code cases}. */
        public static Demand defaultFor(NetworkSnapshot snapshot) {
            return snapshot.activity().isEmpty() ? CASES : ACTIVITY;
        }
    }

    private ExpansionPlanner() {}

    /**
     * The plan for {@code posts} new posts.
     *
     * @param demand how demand is counted, or null for {@link Demand#defaultFor the default}
     */
    public static ExpansionPlan plan(NetworkSnapshot snapshot, int posts, Demand demand, List<SettingKind> kinds,
            boolean includeFragile) {
        Objects.requireNonNull(snapshot, "snapshot");
        Objects.requireNonNull(kinds, "kinds");
        if (posts < 1) {
            throw new IllegalArgumentException("posts must be at least 1: " + posts);
        }
        Demand mode = demand == null ? Demand.defaultFor(snapshot) : demand;
        CoverageResult coverage = CoverageAnalysis.compute(snapshot, null);
        List<CoverageResult.Cell> unmet = new ArrayList<>();
        Set<String> metCells = new HashSet<>();
        for (CoverageResult.Cell cell : coverage.cells()) {
            if (!kinds.contains(cell.kind())) {
                continue;
            }
            boolean isUnmet = cell.status() == CellStatus.HOLE || (includeFragile && cell.status() == CellStatus.FRAGILE);
            if (isUnmet) {
                unmet.add(cell);
            } else {
                metCells.add(PlanDemand.key(cell.boroughId(), cell.kind()));
            }
        }
        PlanDemand elements = PlanDemand.of(snapshot, unmet, metCells, mode);
        int unmetDemand = elements.total();
        List<ExpansionPlan.PlannedPost> picks = new ArrayList<>();
        BitSet met = new BitSet();
        for (MaxCoverage.Pick pick : MaxCoverage.greedy(elements.candidates(), posts)) {
            CoverageResult.Cell cell = unmet.get(pick.candidate());
            BitSet fresh = (BitSet) elements.candidates().get(pick.candidate()).clone();
            fresh.andNot(met);
            met.or(fresh);
            picks.add(new ExpansionPlan.PlannedPost(picks.size() + 1, cell.boroughId(), cell.boroughName(), cell.kind(),
                    cell.settings().stream().map(n -> n.name()).toList(), pick.gain(), pick.cumulative(),
                    unmetDemand == 0 ? 0 : (double) pick.cumulative() / unmetDemand, elements.bySource(fresh),
                    elements.settingsMet(fresh)));
        }
        BitSet all = new BitSet();
        all.set(0, unmetDemand);
        return new ExpansionPlan(snapshot.asOf(), mode.name().toLowerCase(java.util.Locale.ROOT), kinds, includeFragile,
                posts, unmet.size(), unmetDemand, picks, mode == Demand.EQUAL ? List.of() : elements.bySource(all),
                mode == Demand.ACTIVITY ? Prevalence.DEFAULTS.stream().filter(p -> kinds.contains(p.kind())).toList()
                        : List.of());
    }
}
