package bridgemap.model;

/** Where in the criminal justice pathway a setting sits. */
public enum SettingKind implements Vocabulary {
    POLICE_CUSTODY, MAGISTRATES_COURT, CROWN_COURT, PROBATION_OFFICE, PRISON, COMMUNITY;

    @Override
    public String code() {
        return Vocabulary.codeOf(this);
    }
}
