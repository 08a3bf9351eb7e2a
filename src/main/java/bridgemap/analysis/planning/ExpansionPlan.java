package bridgemap.analysis.planning;

import bridgemap.model.SettingKind;
import java.time.LocalDate;
import java.util.List;

/**
 * Where k new posts would cover the most unmet demand as of a day (greedy maximum coverage, within a budget when
 * one is given), perhaps after a scenario.
 *
 * @param demand {@code cases}: people seen in the window at settings of unmet cells and at no covered one;
 *               {@code equal}: every unmet cell counts 1
 * @param includeFragile whether fragile cells count as unmet, beside holes
 * @param posts the most posts placed: as asked, or as many as the budget buys when only a budget is given
 * @param unmetDemand the demand no post covers now
 * @param picks the chosen cells in order, each with its marginal gain and the running total
 * @param scenario the scenario the plan starts from (its name, or "unnamed scenario"), or null for the network as it is
 * @param scenarioEffects what the scenario's changes did, in words; empty without a scenario
 * @param costPerPostGbp what a post costs a year ({@link PostCost}), or null when unknown
 * @param costSource where that cost comes from, in words
 * @param budgetGbp the budget a year, or null for none
 * @param totalCostGbp what the picks cost a year together, or null when the cost is unknown
 * @param guarantee the share of the best possible the choice is proven to reach: 1 − 1/e, or (1 − 1/e)/2 with a
 *     budget when posts cost different amounts
 * @param method how the posts were chosen and the guarantee, in words
 */
public record ExpansionPlan(LocalDate asOf, String demand, List<SettingKind> settingKinds, boolean includeFragile,
        int posts, int candidates, int unmetDemand, List<PlannedPost> picks, String scenario, List<String> scenarioEffects,
        Double costPerPostGbp, String costSource, Double budgetGbp, Double totalCostGbp, double guarantee, String method) {

    public ExpansionPlan {
        settingKinds = List.copyOf(settingKinds);
        picks = List.copyOf(picks);
        scenarioEffects = List.copyOf(scenarioEffects);
    }

    /** This plan, made after {@code scenario} ({@code effects}: what its changes did). */
    public ExpansionPlan afterScenario(String scenario, List<String> effects) {
        return new ExpansionPlan(asOf, demand, settingKinds, includeFragile, posts, candidates, unmetDemand, picks,
                scenario, effects, costPerPostGbp, costSource, budgetGbp, totalCostGbp, guarantee, method);
    }

    /**
     * One new post: the cell, its settings, what it adds and the running total (and share of unmet demand).
     *
     * @param gain people met by this post and by no earlier pick
     * @param cumulative people met by the picks so far
     * @param existingFte the FTE already placed in the cell (0 for a hole)
     * @param value what the post meets: each person newly met counts the new post's share of the cover there,
     *     1 / (1 + existingFte) — 1 in a hole; equal to {@code gain} when only holes are considered
     * @param cumulativeValue the values so far
     * @param cumulativeShare cumulativeValue / unmet demand
     * @param costGbp the post's cost a year, or null when unknown
     */
    public record PlannedPost(int rank, String boroughId, String boroughName, SettingKind settingKind,
            List<String> settings, int gain, int cumulative, double cumulativeShare, double existingFte, double value,
            double cumulativeValue, Double costGbp) {

        public PlannedPost {
            settings = List.copyOf(settings);
        }
    }
}
