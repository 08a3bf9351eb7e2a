package bridgemap.model;

/** Where in the criminal justice pathway a setting sits. */
public enum SettingKind implements Vocabulary {
    POLICE_CUSTODY, MAGISTRATES_COURT, CROWN_COURT, PROBATION_OFFICE, PRISON, COMMUNITY;

    /** The field's words: "police custody", "magistrates' court", "Crown Court" … */
    public String label() {
        return switch (this) {
            case POLICE_CUSTODY -> "police custody";
            case MAGISTRATES_COURT -> "magistrates' court";
            case CROWN_COURT -> "Crown Court";
            case PROBATION_OFFICE -> "probation office";
            case PRISON -> "prison";
            case COMMUNITY -> "community";
        };
    }

    /** True for the settings where people enter the criminal justice pathway: police custody and the courts. */
    public boolean isEntry() {
        return this == POLICE_CUSTODY || this == MAGISTRATES_COURT || this == CROWN_COURT;
    }

    @Override
    public String code() {
        return Vocabulary.codeOf(this);
    }
}
