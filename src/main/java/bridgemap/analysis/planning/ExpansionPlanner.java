package bridgemap.analysis.planning;

import bridgemap.analysis.coverage.CellStatus;
import bridgemap.analysis.coverage.CoverageAnalysis;
import bridgemap.analysis.coverage.CoverageResult;
import bridgemap.model.NetworkSnapshot;
import bridgemap.model.Referral;
import bridgemap.model.Setting;
import bridgemap.model.SettingKind;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The expansion planner: choose {@code posts} cells (borough × setting kind) for new posts so that they
 * cover the most unmet demand, by greedy maximum coverage ({@link MaxCoverage}), within a budget when one is given.
 *
 * <p>Unmet cells are the holes (and, when asked, the fragile cells) among the cells of the given setting
 * kinds. With {@code cases} demand, the elements are the people seen in the referral window at a setting
 * of an unmet cell and at no setting of a covered one (met nowhere); a post in a cell covers the people
 * seen there, and a person seen at several unmet cells counts once. With {@code equal} demand every unmet
 * cell is one element, covered by a post there.
 *
 * <p>A place's existing cover counts (issue 14): a new post in a cell where f FTE are already placed meets its
 * share 1 / (1 + f) of the people there — all of them in a hole — so a fragile place that already has several
 * staff is not ranked as if nobody were there. Each post costs {@link PostCost#costOf}; with a budget, the posts
 * are chosen by people met per pound ({@link MaxCoverage#budgeted}).
 */
public final class ExpansionPlanner {

    /** How demand is counted. */
    public enum Demand { CASES, EQUAL }

    private ExpansionPlanner() {}

    /** The plan with the default cost of a post ({@link PostCost#medianFunding}) and no budget. */
    public static ExpansionPlan plan(NetworkSnapshot snapshot, int posts, Demand demand, List<SettingKind> kinds,
            boolean includeFragile) {
        Objects.requireNonNull(snapshot, "snapshot");
        return plan(snapshot, posts, demand, kinds, includeFragile, PostCost.medianFunding(snapshot), null);
    }

    /**
     * The plan of at most {@code posts} posts costing at most {@code budgetGbp} a year together.
     *
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
        Objects.requireNonNull(demand, "demand");
        Objects.requireNonNull(kinds, "kinds");
        if (posts < 1) {
            throw new IllegalArgumentException("posts must be at least 1: " + posts);
        }
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
                metCells.add(key(cell.boroughId(), cell.kind()));
            }
        }
        List<BitSet> candidates = new ArrayList<>();
        int unmetDemand;
        if (demand == Demand.EQUAL) {
            for (int i = 0; i < unmet.size(); i++) {
                BitSet self = new BitSet();
                self.set(i);
                candidates.add(self);
            }
            unmetDemand = unmet.size();
        } else {
            Map<String, Setting> settings = new HashMap<>();
            snapshot.settings().forEach(s -> settings.put(s.id(), s));
            Map<String, Set<String>> cellsSeen = new HashMap<>();
            for (Referral r : snapshot.referrals()) {
                for (String end : new String[] {r.fromId(), r.toId()}) {
                    Setting s = settings.get(end);
                    if (s != null) {
                        cellsSeen.computeIfAbsent(r.caseId(), c -> new HashSet<>()).add(key(s.boroughId(), s.kind()));
                    }
                }
            }
            Map<String, Integer> unmetIndex = new HashMap<>();
            for (int i = 0; i < unmet.size(); i++) {
                unmetIndex.put(key(unmet.get(i).boroughId(), unmet.get(i).kind()), i);
                candidates.add(new BitSet());
            }
            int element = 0;
            List<String> caseIds = new ArrayList<>(cellsSeen.keySet());
            caseIds.sort(null);
            for (String caseId : caseIds) {
                Set<String> seen = cellsSeen.get(caseId);
                if (seen.stream().anyMatch(metCells::contains)) {
                    continue;
                }
                boolean counted = false;
                for (String cell : seen) {
                    Integer i = unmetIndex.get(cell);
                    if (i != null) {
                        candidates.get(i).set(element);
                        counted = true;
                    }
                }
                if (counted) {
                    element++;
                }
            }
            unmetDemand = element;
        }
        return choose(snapshot, posts, demand, kinds, includeFragile, unmet, candidates, unmetDemand, cost, budgetGbp);
    }

    /** The greedy choice among the unmet cells, each post meeting its share of the people there, within the budget. */
    private static ExpansionPlan choose(NetworkSnapshot snapshot, int posts, Demand demand, List<SettingKind> kinds,
            boolean includeFragile, List<CoverageResult.Cell> unmet, List<BitSet> people, int unmetDemand, PostCost cost,
            Double budgetGbp) {
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
                    gbp));
        }
        double guarantee = budgetGbp == null || sameCost ? 1 - 1 / Math.E : (1 - 1 / Math.E) / 2;
        return new ExpansionPlan(snapshot.asOf(), demand.name().toLowerCase(java.util.Locale.ROOT), kinds, includeFragile,
                most, unmet.size(), unmetDemand, picks, null, List.of(), cost.perPostGbp(), cost.source(), budgetGbp,
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

    private static String key(String borough, SettingKind kind) {
        return borough + "/" + kind.code();
    }
}
