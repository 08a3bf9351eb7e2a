package bridgemap.model;

import java.util.Objects;

/**
 * How many people passed through a setting in a period, as the setting's own statistics count them
 * ({@code activity.csv}).
 *
 * @param settingId the setting
 * @param period the period counted, both ends given and inclusive
 * @param measure what is counted; it fits the setting's kind
 * @param count how many in the period
 * @param mentalHealthShare the share of them flagged with mental-health needs, in [0, 1], or null when not given
 * @param source where the figure comes from (a publication, a table), or null
 */
public record Activity(String settingId, Period period, ActivityMeasure measure, long count, Double mentalHealthShare,
        String source) {

    public Activity {
        Objects.requireNonNull(period, "period");
        if (count < 0) {
            throw new IllegalArgumentException("an activity count cannot be negative: " + count);
        }
        if (mentalHealthShare != null && !(mentalHealthShare >= 0 && mentalHealthShare <= 1)) {
            throw new IllegalArgumentException("a share lies in [0, 1]: " + mentalHealthShare);
        }
    }

    /** Days in the period, both ends counted. */
    public long days() {
        return period.end().toEpochDay() - period.start().toEpochDay() + 1;
    }
}
