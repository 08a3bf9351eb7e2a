package bridgemap.model;

/**
 * A rate between two counts of people or referrals, kept with the counts it is made of, so that disclosure
 * control can recompute it from the controlled counts rather than reveal the exact ones through it.
 *
 * @param numerator the part
 * @param denominator the whole the rate is taken over
 */
public record Ratio(Tally numerator, Tally denominator) {

    public Ratio {
        java.util.Objects.requireNonNull(numerator, "numerator");
        java.util.Objects.requireNonNull(denominator, "denominator");
    }

    /** numerator / denominator, or NaN when the denominator is 0 (no rate can be given). */
    public double value() {
        return denominator.value() == 0 ? Double.NaN : (double) numerator.value() / denominator.value();
    }

    /** Orders rates high to low, with no rate (NaN) last. */
    public static int descending(Ratio a, Ratio b) {
        double x = a.value();
        double y = b.value();
        if (Double.isNaN(x) || Double.isNaN(y)) {
            return Boolean.compare(Double.isNaN(x), Double.isNaN(y));
        }
        return Double.compare(y, x);
    }
}
