package bridgemap.analysis.pathways;

import bridgemap.model.Case;
import bridgemap.model.NetworkNode;
import bridgemap.model.Referral;
import java.util.List;
import java.util.Objects;

/**
 * One person's chain of referrals from an entry into the criminal-justice pathway ({@link Episodes} defines it):
 * working material of the pathway analyses, never part of a result (it carries the case).
 *
 * @param subject the case
 * @param entry the criminal-justice setting the chain entered at (the {@code from} of its first referral)
 * @param referrals the chain's referrals in chain order (date, then id), at least one
 * @param outcome how it ended
 */
public record Episode(Case subject, NetworkNode entry, List<Referral> referrals, EpisodeOutcome outcome) {

    public Episode {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(entry, "entry");
        referrals = List.copyOf(referrals);
        if (referrals.isEmpty()) {
            throw new IllegalArgumentException("an episode needs a referral");
        }
        Objects.requireNonNull(outcome, "outcome");
    }

    /** The first referral: from the entry setting. */
    public Referral first() {
        return referrals.get(0);
    }

    /** The last referral of the chain. */
    public Referral last() {
        return referrals.get(referrals.size() - 1);
    }
}
