package bridgemap.model;

/** What kind of body a funder is. */
public enum FunderKind implements Vocabulary {
    PROBATION, NHS, GOVERNMENT, LOCAL_AUTHORITY, CHARITABLE_TRUST, COURT_SERVICE, POLICE, OTHER;

    @Override
    public String code() {
        return Vocabulary.codeOf(this);
    }
}
