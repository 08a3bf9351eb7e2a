package bridgemap.model;

/**
 * A count of referrals per unit of something that is not a person, such as a practitioner's full-time
 * equivalent: kept with the count, so that disclosure control can recompute it from the controlled count.
 *
 * @param count the referrals
 * @param units the units (e.g. FTE), greater than 0
 */
public record PerUnit(Tally count, double units) {

    public PerUnit {
        java.util.Objects.requireNonNull(count, "count");
        if (!(units > 0)) {
            throw new IllegalArgumentException("units must be greater than 0: " + units);
        }
    }

    public double value() {
        return count.value() / units;
    }
}
