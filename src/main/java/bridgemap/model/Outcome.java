package bridgemap.model;

/** What became of a referral. */
public enum Outcome implements Vocabulary {
    ACCEPTED, DECLINED, NO_RESPONSE, WITHDRAWN, PENDING;

    @Override
    public String code() {
        return Vocabulary.codeOf(this);
    }
}
