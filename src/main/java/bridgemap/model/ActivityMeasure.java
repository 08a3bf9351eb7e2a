package bridgemap.model;

import java.util.List;

/**
 * What an activity figure counts, in the field's words: each measure belongs to the kinds of setting that record it
 * (police custody counts detentions, courts first appearances, probation its caseload, prisons receptions).
 */
public enum ActivityMeasure implements Vocabulary {
    /** Detentions in a police custody suite (Home Office, Police powers and procedures). */
    DETENTIONS,
    /** First appearances of defendants at a court (MoJ, Criminal court statistics). */
    FIRST_APPEARANCES,
    /** People supervised by a probation office during the period (MoJ, Offender management statistics). */
    CASELOAD,
    /** Receptions into a prison (MoJ, Offender management statistics). */
    RECEPTIONS;

    /** The field's words: "detentions", "first appearances", "caseload", "receptions". */
    public String label() {
        return code().replace('_', ' ');
    }

    /** True when a setting of {@code kind} records this measure. */
    public boolean fits(SettingKind kind) {
        return switch (this) {
            case DETENTIONS -> kind == SettingKind.POLICE_CUSTODY;
            case FIRST_APPEARANCES -> kind == SettingKind.MAGISTRATES_COURT || kind == SettingKind.CROWN_COURT;
            case CASELOAD -> kind == SettingKind.PROBATION_OFFICE;
            case RECEPTIONS -> kind == SettingKind.PRISON;
        };
    }

    /** The measures a setting of {@code kind} records, in declaration order (none for a community setting). */
    public static List<ActivityMeasure> of(SettingKind kind) {
        return java.util.Arrays.stream(values()).filter(m -> m.fits(kind)).toList();
    }

    @Override
    public String code() {
        return Vocabulary.codeOf(this);
    }
}
