package bridgemap.model;

import java.util.Arrays;
import java.util.Objects;

/**
 * The spread of a number of days across a group of people: the lower quartile, median and upper quartile, with
 * how many people they are taken over (a {@link Tally}, so that disclosure control can withhold the spread of a
 * small group). Quartiles are Tukey's hinges' modern cousin, type 7 of Hyndman and Fan (1996), the default of R's
 * {@code quantile} and of NumPy's {@code percentile}: the value at position (n − 1)·p of the sorted values,
 * interpolated linearly.
 *
 * @param people how many people the days are taken over
 * @param lower the 25th percentile, null when there are none
 * @param median the 50th percentile, null when there are none
 * @param upper the 75th percentile, null when there are none
 */
public record Quartiles(Tally people, Double lower, Double median, Double upper) {

    public Quartiles {
        Objects.requireNonNull(people, "people");
    }

    /** The quartiles of {@code days}, over {@code people} (whose value is the number of days given). */
    public static Quartiles of(int[] days, Tally people) {
        if (days.length != people.value()) {
            throw new IllegalArgumentException(days.length + " values for " + people.value() + " people");
        }
        if (days.length == 0) {
            return new Quartiles(people, null, null, null);
        }
        int[] sorted = days.clone();
        Arrays.sort(sorted);
        return new Quartiles(people, quantile(sorted, 0.25), quantile(sorted, 0.5), quantile(sorted, 0.75));
    }

    /** Hyndman and Fan's type 7: linear interpolation at (n − 1)·p. */
    static double quantile(int[] sorted, double p) {
        double position = (sorted.length - 1) * p;
        int below = (int) Math.floor(position);
        int above = Math.min(below + 1, sorted.length - 1);
        return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
    }
}
