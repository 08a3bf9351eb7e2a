package bridgemap.model;

/** The kinds of node that can send or receive a referral. */
public enum NodeType implements Vocabulary {
    SETTING, AGENCY, PRACTITIONER, SERVICE;

    @Override
    public String code() {
        return Vocabulary.codeOf(this);
    }
}
