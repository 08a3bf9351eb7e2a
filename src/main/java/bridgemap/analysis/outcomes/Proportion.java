package bridgemap.analysis.outcomes;

import bridgemap.model.Tally;
import java.util.Objects;

/**
 * A proportion of people or referrals, kept with the counts it is made of, shown with its Wilson 95% interval:
 * disclosure control recomputes the interval from the controlled counts, so it reveals no exact count.
 *
 * @param successes the part (e.g. accepted referrals)
 * @param trials the whole (e.g. referrals decided)
 */
public record Proportion(Tally successes, Tally trials) {

    public Proportion {
        Objects.requireNonNull(successes, "successes");
        Objects.requireNonNull(trials, "trials");
        if (successes.value() > trials.value()) {
            throw new IllegalArgumentException("need successes ≤ trials, got " + successes + " of " + trials);
        }
    }

    /** The estimate and its Wilson 95% interval; all NaN when there are no trials. */
    public WilsonInterval interval() {
        return WilsonInterval.of(successes.intValue(), trials.intValue());
    }
}
