package bridgemap.analysis.planning;

import bridgemap.model.Activity;
import bridgemap.model.ActivityMeasure;
import bridgemap.model.NetworkSnapshot;
import bridgemap.model.Referral;
import bridgemap.model.Setting;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The estimated people with mental-health needs passing through each setting in the year to D: activity × prevalence,
 * falling back to the people referred where a setting has no activity figures.
 *
 * <p>Definition ({@code docs/analysis.md}, "Demand"): the year is the referral window (D − 365, D]. For a setting whose
 * activity rows (of a measure that fits its kind) overlap the year, each row contributes its count pro rata to the
 * days of its period inside the year ({@code count × overlap / days}); their sum, divided by the days of the year the
 * rows cover and multiplied by 365, is the setting's <b>activity</b> for the year (rows that cover half the year are
 * doubled). Each row's part is multiplied by its flagged {@code mental_health_share}, or by the documented
 * {@link Prevalence} of the setting's kind when it flags none; the sum, scaled the same way, is the setting's
 * <b>people</b>. The source is {@link DemandSource#ACTIVITY_FLAGGED} when every row flags a share, else
 * {@link DemandSource#ACTIVITY_PREVALENCE}. Activity and people are rounded to a tenth, the share to four decimals.
 * A setting with no activity row in the year counts the distinct people with
 * a referral from or to it in the year ({@link DemandSource#REFERRALS}). Community settings record no activity and
 * have no estimate.
 *
 * <p>Why: the people recorded at a setting with nobody placed are few exactly because nobody is placed there to refer
 * them (issue 14), so referrals alone make demand lowest where cover is missing; activity is counted whether or not
 * anyone is placed. O(S + A + R) for S settings, A activity rows and R referrals in the window.
 */
public final class ActivityDemand {

    private ActivityDemand() {}

    /** Each setting's estimate, by setting id, in snapshot order (community settings left out). */
    public static Map<String, SettingDemand> estimate(NetworkSnapshot snapshot) {
        Objects.requireNonNull(snapshot, "snapshot");
        Map<String, List<Activity>> rows = new HashMap<>();
        for (Activity activity : snapshot.activity()) {
            rows.computeIfAbsent(activity.settingId(), s -> new ArrayList<>()).add(activity);
        }
        Map<String, Set<String>> referred = new HashMap<>();
        for (Referral referral : snapshot.referrals()) {
            referred.computeIfAbsent(referral.fromId(), s -> new HashSet<>()).add(referral.caseId());
            referred.computeIfAbsent(referral.toId(), s -> new HashSet<>()).add(referral.caseId());
        }
        LocalDate first = snapshot.windowStart().plusDays(1);
        Map<String, SettingDemand> estimates = new LinkedHashMap<>();
        for (Setting setting : snapshot.settings()) {
            var prevalence = Prevalence.of(setting.kind());
            if (prevalence.isEmpty()) {
                continue;
            }
            String name = snapshot.nodes().containsKey(setting.id()) ? snapshot.node(setting.id()).name() : setting.name();
            double activity = 0;
            double people = 0;
            long covered = 0;
            boolean allFlagged = true;
            ActivityMeasure measure = null;
            for (Activity row : rows.getOrDefault(setting.id(), List.of())) {
                LocalDate from = row.period().start().isBefore(first) ? first : row.period().start();
                LocalDate to = row.period().end().isAfter(snapshot.asOf()) ? snapshot.asOf() : row.period().end();
                long overlap = to.toEpochDay() - from.toEpochDay() + 1;
                if (overlap <= 0 || !row.measure().fits(setting.kind())) {
                    continue;
                }
                double part = row.count() * (double) overlap / row.days();
                activity += part;
                people += part * (row.mentalHealthShare() != null ? row.mentalHealthShare() : prevalence.get().share());
                allFlagged &= row.mentalHealthShare() != null;
                covered += overlap;
                measure = row.measure();
            }
            SettingDemand demand;
            if (covered > 0) {
                double scale = (double) NetworkSnapshot.WINDOW_DAYS / covered;
                demand = new SettingDemand(setting.id(), name, setting.kind(),
                        allFlagged ? DemandSource.ACTIVITY_FLAGGED : DemandSource.ACTIVITY_PREVALENCE, measure,
                        round(activity * scale, 10), round(activity == 0 ? prevalence.get().share() : people / activity, 10_000),
                        round(people * scale, 10));
            } else {
                demand = new SettingDemand(setting.id(), name, setting.kind(), DemandSource.REFERRALS, null, null, null,
                        referred.getOrDefault(setting.id(), Set.of()).size());
            }
            estimates.put(setting.id(), demand);
        }
        return estimates;
    }

    /** {@code value} to the nearest 1/{@code per}: estimates are not more exact than that, and read better. */
    private static double round(double value, int per) {
        return Math.round(value * per) / (double) per;
    }
}
