package bridgemap.analysis.planning;

import bridgemap.model.SettingKind;
import java.time.LocalDate;
import java.util.List;

/**
 * Where k new posts would cover the most unmet demand as of a day (greedy maximum coverage).
 *
 * @param demand {@code activity}: estimated people with mental-health needs passing through settings of unmet cells
 *               in the year ({@link ActivityDemand}); {@code cases}: people seen in the window at settings of unmet
 *               cells and at no covered one; {@code equal}: every unmet cell counts 1
 * @param includeFragile whether fragile cells count as unmet, beside holes
 * @param unmetDemand the demand no post covers now
 * @param picks the chosen cells in order, each with its marginal gain and the running total
 * @param demandSources the unmet demand by where it comes from (activity figures or referrals); empty for
 *                      {@code equal} demand
 * @param prevalence with {@code activity} demand, the documented prevalence used where activity figures flag no
 *                   share, for each kind considered; empty otherwise
 */
public record ExpansionPlan(LocalDate asOf, String demand, List<SettingKind> settingKinds, boolean includeFragile,
        int posts, int candidates, int unmetDemand, List<PlannedPost> picks, List<SourceCount> demandSources,
        List<Prevalence> prevalence) {

    public ExpansionPlan {
        settingKinds = List.copyOf(settingKinds);
        picks = List.copyOf(picks);
        demandSources = List.copyOf(demandSources);
        prevalence = List.copyOf(prevalence);
    }

    /**
     * One new post: the cell, its settings, what it adds and the running total (and share of unmet demand).
     *
     * @param settings the names of the settings serving the cell's borough (its own and those whose catchment
     *                 includes it)
     * @param sources what the gain is made of, by source
     * @param demand with {@code activity} demand, the settings whose estimated people the post newly meets, each with
     *               its estimate and how it was made; empty otherwise
     */
    public record PlannedPost(int rank, String boroughId, String boroughName, SettingKind settingKind,
            List<String> settings, int gain, int cumulative, double cumulativeShare, List<SourceCount> sources,
            List<SettingDemand> demand) {

        public PlannedPost {
            settings = List.copyOf(settings);
            sources = List.copyOf(sources);
            demand = List.copyOf(demand);
        }
    }

    /** People of demand from one source. */
    public record SourceCount(DemandSource source, int people) {}
}
