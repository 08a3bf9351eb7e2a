package bridgemap.analysis.pathways;

/**
 * How a chain ended, judged as {@code DeadEnds} judges a case's last referral: {@code ENGAGED} when the last
 * referral was accepted and is at least 90 days old; {@code DEAD_END} when it was declined, unanswered or withdrawn
 * and is at least 90 days old (nothing was accepted after it); {@code OPEN} when it is younger than 90 days on the
 * last day of the data, or still pending.
 */
public enum EpisodeOutcome implements bridgemap.model.Vocabulary {
    ENGAGED, DEAD_END, OPEN;

    @Override
    public String code() {
        return bridgemap.model.Vocabulary.codeOf(this);
    }
}
