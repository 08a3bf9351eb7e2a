package bridgemap.analysis.planning;

import bridgemap.model.ActivityMeasure;
import bridgemap.model.SettingKind;

/**
 * The estimated people with mental-health needs passing through one setting in the year to D, and how the estimate
 * was made ({@link ActivityDemand}).
 *
 * @param settingId the setting
 * @param setting its name
 * @param kind its kind
 * @param source activity figures (with a flagged share or the documented prevalence) or, without them, referrals
 * @param measure what the activity figures count, or null for referrals
 * @param activity the activity figures' count for the year (pro rata to the days they cover), or null for referrals
 * @param share the share of {@code activity} with mental-health needs (flagged or the prevalence), or null for referrals
 * @param people the estimate: {@code activity × share}, or the people referred from or to the setting in the year
 */
public record SettingDemand(String settingId, String setting, SettingKind kind, DemandSource source,
        ActivityMeasure measure, Double activity, Double share, double people) {

    /** The estimate as whole people, as the planner counts it. */
    public long wholePeople() {
        return Math.round(people);
    }
}
