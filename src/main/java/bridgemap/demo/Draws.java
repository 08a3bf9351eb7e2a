package bridgemap.demo;

import bridgemap.model.Gender;
import java.util.SplittableRandom;

/**
 * Random draws both generators make, each taking numbers from the caller's one random stream in a fixed order,
 * so a seed still fixes everything.
 */
final class Draws {

    private static final String[] AGE_BANDS = {"18-24", "25-34", "35-44", "45-54", "55-64", "65+"};
    private static final double[] AGE_WEIGHTS = {17, 32, 27, 16, 6, 2};

    private Draws() {}

    /** An index drawn with probability proportional to its weight (the last one if rounding runs past the end). */
    static int pick(SplittableRandom rnd, double[] weights) {
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        double u = rnd.nextDouble() * total;
        for (int i = 0; i < weights.length; i++) {
            u -= weights[i];
            if (u < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }

    /** A standard normal draw (Box–Muller). */
    static double gaussian(SplittableRandom rnd) {
        double u = 1 - rnd.nextDouble();
        double v = rnd.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }

    /** A person's gender: male 84%, female 15%, unknown 1% (people in contact with criminal justice). */
    static Gender gender(SplittableRandom rnd) {
        double u = rnd.nextDouble();
        return u < 0.84 ? Gender.MALE : u < 0.99 ? Gender.FEMALE : Gender.UNKNOWN;
    }

    /** A person's age band, adults only, young adults most often. */
    static String ageBand(SplittableRandom rnd) {
        return AGE_BANDS[pick(rnd, AGE_WEIGHTS)];
    }
}
