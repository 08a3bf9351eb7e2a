package bridgemap.analysis.planning;

import bridgemap.model.SettingKind;
import java.time.LocalDate;
import java.util.List;

/**
 * Where k new posts would cover the most unmet demand as of a day (greedy maximum coverage).
 *
 * @param demand {@code cases}: people seen in the window at settings of unmet cells and at no covered one;
 *               {@code equal}: every unmet cell counts 1
 * @param includeFragile whether fragile cells count as unmet, beside holes
 * @param unmetDemand the demand no post covers now
 * @param picks the chosen cells in order, each with its marginal gain and the running total
 */
public record ExpansionPlan(LocalDate asOf, String demand, List<SettingKind> settingKinds, boolean includeFragile,
        int posts, int candidates, int unmetDemand, List<PlannedPost> picks) {

    public ExpansionPlan {
        settingKinds = List.copyOf(settingKinds);
        picks = List.copyOf(picks);
    }

    /** One new post: the cell, its settings, what it adds and the running total (and share of unmet demand). */
    public record PlannedPost(int rank, String boroughId, String boroughName, SettingKind settingKind,
            List<String> settings, int gain, int cumulative, double cumulativeShare) {

        public PlannedPost {
            settings = List.copyOf(settings);
        }
    }
}
