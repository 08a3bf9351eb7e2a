package bridgemap.model;

/** A case's recorded gender. */
public enum Gender implements Vocabulary {
    FEMALE, MALE, OTHER, UNKNOWN;

    @Override
    public String code() {
        return Vocabulary.codeOf(this);
    }
}
