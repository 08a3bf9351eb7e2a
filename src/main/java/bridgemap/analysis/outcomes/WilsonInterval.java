package bridgemap.analysis.outcomes;

/**
 * A proportion with its Wilson 95% score interval.
 *
 * <p>For x successes in n trials, p̂ = x/n and z = Φ⁻¹(0.975) ≈ 1.959964, the interval is
 * <pre>
 *   (p̂ + z²/2n ± z·√(p̂(1 − p̂)/n + z²/4n²)) / (1 + z²/n)
 * </pre>
 * (Wilson 1927, "Probable inference, the law of succession, and statistical inference", JASA 22:209–212;
 * method 3 of Newcombe 1998, "Two-sided confidence intervals for the single proportion: comparison of
 * seven methods", Statistics in Medicine 17:857–872). It stays inside [0, 1] and is not degenerate at
 * x = 0 or x = n, unlike the Wald interval. O(1).
 *
 * <p>With no trials there is no proportion: {@link #of} then gives NaN for all three values (see
 * {@link #defined()}); a caller writing JSON shows NaN as "no value".
 *
 * @param estimate x / n
 * @param lower lower limit, in [0, estimate]
 * @param upper upper limit, in [estimate, 1]
 */
public record WilsonInterval(double estimate, double lower, double upper) {

    /** The standard normal quantile for a two-sided 95% interval, Φ⁻¹(0.975). */
    public static final double Z_95 = 1.959963984540054;

    /** The value for no trials. */
    public static final WilsonInterval NONE = new WilsonInterval(Double.NaN, Double.NaN, Double.NaN);

    /**
     * The Wilson 95% score interval for {@code successes} out of {@code trials}.
     *
     * @throws IllegalArgumentException unless 0 ≤ successes ≤ trials
     */
    public static WilsonInterval of(int successes, int trials) {
        if (trials < 0 || successes < 0 || successes > trials) {
            throw new IllegalArgumentException("need 0 ≤ successes ≤ trials, got " + successes + " of " + trials);
        }
        if (trials == 0) {
            return NONE;
        }
        double n = trials;
        double p = successes / n;
        double z2 = Z_95 * Z_95;
        double denominator = 1 + z2 / n;
        double centre = (p + z2 / (2 * n)) / denominator;
        double half = Z_95 / denominator * Math.sqrt(p * (1 - p) / n + z2 / (4 * n * n));
        // At x = 0 or x = n one limit is exactly 0 or 1 in exact arithmetic; clamp the rounding error.
        double lower = successes == 0 ? 0 : Math.max(0, centre - half);
        double upper = successes == trials ? 1 : Math.min(1, centre + half);
        return new WilsonInterval(p, lower, upper);
    }

    /** False for the value of no trials (all NaN). */
    public boolean defined() {
        return !Double.isNaN(estimate);
    }
}
