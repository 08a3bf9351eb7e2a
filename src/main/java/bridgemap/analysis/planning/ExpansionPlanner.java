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
 * cover the most unmet demand, by greedy maximum coverage ({@link MaxCoverage}), within a budget when one is given.
 *
 * <p>Unmet cells are the holes (and, when asked, the fragile cells) among the cells of the given setting
 * kinds; a cell holds the settings serving its borough, catchments included. What a post in a cell meets is
 * {@link PlanDemand}'s: with {@code activity} demand, the estimated people with mental-health needs passing through
 * its settings in the year ({@link ActivityDemand}: activity × prevalence, else referrals); with {@code cases}
 * demand, the people seen in the referral window at a setting of an unmet cell and at no setting of a covered one,
 * each once; with {@code equal} demand every unmet cell is one element. Each pick says where its demand comes from.
 *
 * <p>A place's existing cover counts (issue 14): a new post in a cell where f FTE are already placed meets its
 * share 1 / (1 + f) of the people there — all of them in a hole — so a fragile place that already has several
 * staff is not ranked as if nobody were there. Each post costs {@link PostCost#costOf}; with a budget, the posts
 * are chosen by people met per pound ({@link MaxCoverage#budgeted}).
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
     * The plan with the default cost of a post ({@link PostCost#medianFunding}) and no budget.
     *
     * @param demand how demand is counted, or null for {@link Demand#defaultFor the default}
     */
    public static ExpansionPlan plan(NetworkSnapshot snapshot, int posts, Demand demand, List<SettingKind> kinds,
            boolean includeFragile) {
        Objects.requireNonNull(snapshot, "snapshot");
        return plan(snapshot, posts, demand, kinds, includeFragile, PostCost.medianFunding(snapshot), null);
    }

    /**
     * The plan of at most {@code posts} posts costing at most {@code budgetGbp} a year together.
     *
     * @param demand how demand is counted, or null for {@link Demand#defaultFor the default}
     * @param cost what a post costs
     * @param budgetGbp the budget a year, or null for none; a budget needs a known cost
     */
    public static ExpansionPlan plan(NetworkSnapshot snapshot, int posts, Demand demand, List<SettingKind> kinds,
            boolean includeFragile, PostCost cost, Double budgetGbp) {
        Objects.requireNonNull(snapshot, "snapshot");
        Objects.requireNonNull(cost, "cost");
        if (budgetGbp != null && (cost.perPostGbp() == null || !(budgetGbp >= 0))) {
            throw new IllegalArgumentException("a budget needs a known cost per post and cannot be negative: " + budgetGbp);
        }
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
        return choose(snapshot, posts, mode, kinds, includeFragile, unmet, elements, cost, budgetGbp);
    }

    /** The greedy choice among the unmet cells, each post meeting its share of the people there, within the budget. */
    private static ExpansionPlan choose(NetworkSnapshot snapshot, int posts, Demand demand, List<SettingKind> kinds,
            boolean includeFragile, List<CoverageResult.Cell> unmet, PlanDemand elements, PostCost cost,
            Double budgetGbp) {
        List<BitSet> people = elements.candidates();
        int unmetDemand = elements.total();
        List<MaxCoverage.Candidate> candidates = new ArrayList<>();
        for (int i = 0; i < unmet.size(); i++) {
            Double gbp = cost.costOf(unmet.get(i));
            candidates.add(new MaxCoverage.Candidate(people.get(i), 1 / (1 + unmet.get(i).fte()), gbp == null ? 1 : gbp));
        }
        double budget = budgetGbp == null ? Double.POSITIVE_INFINITY : budgetGbp;
        boolean sameCost = candidates.stream().mapToDouble(MaxCoverage.Candidate::cost).distinct().count() <= 1;
        int most = posts;
        if (budgetGbp != null && sameCost && !candidates.isEmpty()) {
            most = (int) Math.min(posts, Math.floor(budget / candidates.get(0).cost() + 1e-9));
        }
        MaxCoverage.Selection selection = MaxCoverage.budgeted(null, candidates, most, budget);
        List<ExpansionPlan.PlannedPost> picks = new ArrayList<>();
        BitSet reached = new BitSet();
        Double total = cost.perPostGbp() == null ? null : 0.0;
        for (MaxCoverage.Choice choice : selection.choices()) {
            CoverageResult.Cell cell = unmet.get(choice.candidate());
            BitSet fresh = (BitSet) people.get(choice.candidate()).clone();
            fresh.andNot(reached);
            reached.or(people.get(choice.candidate()));
            Double gbp = cost.costOf(cell);
            total = total == null || gbp == null ? null : total + gbp;
            picks.add(new ExpansionPlan.PlannedPost(picks.size() + 1, cell.boroughId(), cell.boroughName(), cell.kind(),
                    cell.settings().stream().map(n -> n.name()).toList(), fresh.cardinality(), reached.cardinality(),
                    unmetDemand == 0 ? 0 : choice.cumulative() / unmetDemand, cell.fte(), choice.gain(), choice.cumulative(),
                    gbp, elements.bySource(fresh), elements.settingsMet(fresh)));
        }
        double guarantee = budgetGbp == null || sameCost ? 1 - 1 / Math.E : (1 - 1 / Math.E) / 2;
        BitSet all = new BitSet();
        all.set(0, unmetDemand);
        return new ExpansionPlan(snapshot.asOf(), demand.name().toLowerCase(java.util.Locale.ROOT), kinds, includeFragile,
                most, unmet.size(), unmetDemand, picks, demand == Demand.EQUAL ? List.of() : elements.bySource(all),
                demand == Demand.ACTIVITY ? Prevalence.DEFAULTS.stream().filter(p -> kinds.contains(p.kind())).toList()
                        : List.of(), null, List.of(), cost.perPostGbp(), cost.source(), budgetGbp,
                picks.isEmpty() ? (cost.perPostGbp() == null ? null : 0.0) : total, guarantee,
                method(budgetGbp, sameCost, most, includeFragile, selection.fromBestSingle()));
    }

    /** How the posts were chosen and what is proven of the choice, in words. */
    static String method(Double budgetGbp, boolean sameCost, int most, boolean includeFragile, boolean fromBestSingle) {
        String fragile = includeFragile ? " (in a place that already has cover, a new post counts its share of the people there)" : "";
        if (budgetGbp == null) {
            return "Greedy maximum coverage: each pick adds the most people not yet met" + fragile
                    + "; within 1 − 1/e of the best possible.";
        }
        if (sameCost) {
            return "Every post costs the same, so the budget buys at most " + most + " post" + (most == 1 ? "" : "s")
                    + "; greedy maximum coverage: each pick adds the most people not yet met" + fragile
                    + "; within 1 − 1/e of the best possible.";
        }
        return "Budgeted maximum coverage: greedy by people met per pound, against starting from the best single post"
                + (fromBestSingle ? " (which did better here)" : "") + fragile
                + "; at least (1 − 1/e)/2 of the best possible (Khuller, Moss and Naor 1999).";
    }
}
