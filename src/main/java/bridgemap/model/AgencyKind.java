package bridgemap.model;

/** What kind of organisation an agency is. */
public enum AgencyKind implements Vocabulary {
    PROBATION, NHS_TRUST, LOCAL_AUTHORITY, CHARITY, POLICE, COURT_SERVICE, PRISON_SERVICE, GOVERNMENT, COMMISSIONER, HOUSING_PROVIDER, PRIVATE_PROVIDER, OTHER;

    @Override
    public String code() {
        return Vocabulary.codeOf(this);
    }
}
