package bridgemap.analysis.outcomes;

import java.util.Objects;

/**
 * The difference of two independent proportions, a − b, with its 95% interval by Newcombe's hybrid score method
 * (method 10 of Newcombe 1998, "Interval estimation for the difference between independent proportions:
 * comparison of eleven methods", Statistics in Medicine 17:873–890): from the Wilson intervals (l₁, u₁) of p₁ and
 * (l₂, u₂) of p₂, lower = p₁ − p₂ − √((p₁ − l₁)² + (u₂ − p₂)²) and upper = p₁ − p₂ + √((u₁ − p₁)² + (p₂ − l₂)²).
 * Kept with the proportions it is made of, so that disclosure control can recompute it from controlled counts.
 * O(1).
 *
 * @param a the first proportion
 * @param b the second
 */
public record ProportionDifference(Proportion a, Proportion b) {

    public ProportionDifference {
        Objects.requireNonNull(a, "a");
        Objects.requireNonNull(b, "b");
    }

    /** A difference with its 95% interval (limits in [−1, 1]); all NaN when undefined. */
    public record Interval(double estimate, double lower, double upper) {

        static final Interval NONE = new Interval(Double.NaN, Double.NaN, Double.NaN);

        public boolean defined() {
            return !Double.isNaN(estimate);
        }
    }

    /** The difference and its interval; all NaN when either side has no trials. */
    public Interval interval() {
        return of(a.interval(), b.interval());
    }

    /** Newcombe's hybrid score interval from the two Wilson intervals. */
    public static Interval of(WilsonInterval first, WilsonInterval second) {
        if (!first.defined() || !second.defined()) {
            return Interval.NONE;
        }
        double p1 = first.estimate();
        double p2 = second.estimate();
        double lower = p1 - p2 - Math.sqrt(square(p1 - first.lower()) + square(second.upper() - p2));
        double upper = p1 - p2 + Math.sqrt(square(first.upper() - p1) + square(p2 - second.lower()));
        return new Interval(p1 - p2, lower, upper);
    }

    private static double square(double x) {
        return x * x;
    }
}
