package bridgemap.analysis.planning;

import bridgemap.model.Vocabulary;

/** Where a setting's demand comes from, so a plan can say which it used. */
public enum DemandSource implements Vocabulary {
    /** The setting's activity figures times the share they flag with mental-health needs. */
    ACTIVITY_FLAGGED,
    /** The setting's activity figures times the documented prevalence for its kind ({@link Prevalence}). */
    ACTIVITY_PREVALENCE,
    /** No activity figures: the people referred from or to the setting in the year. */
    REFERRALS;

    /** In words, for tables and pages. */
    public String label() {
        return switch (this) {
            case ACTIVITY_FLAGGED -> "activity × share flagged with mental-health needs";
            case ACTIVITY_PREVALENCE -> "activity × documented prevalence";
            case REFERRALS -> "people referred (no activity figures)";
        };
    }

    @Override
    public String code() {
        return Vocabulary.codeOf(this);
    }
}
