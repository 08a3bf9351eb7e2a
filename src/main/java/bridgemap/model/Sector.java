package bridgemap.model;

/** Which of the big systems an agency belongs to. */
public enum Sector implements Vocabulary {
    CRIMINAL_JUSTICE, HEALTH, SOCIAL_CARE, VOLUNTARY, HOUSING, SUBSTANCE_MISUSE, OTHER;

    @Override
    public String code() {
        return Vocabulary.codeOf(this);
    }
}
