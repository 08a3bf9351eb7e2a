package bridgemap.demo;

import bridgemap.model.Need;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The needs vocabulary both generators use, each need a bit of an {@code int} mask in vocabulary order, and how a
 * person's needs are drawn: one primary need by weight, {@code women_specific} for some women, then secondary
 * needs with plausible co-occurrence (personality disorder often with substance misuse or self-harm …), at most
 * three in all.
 */
final class Needs {

    static final int PSY = 0;
    static final int MOOD = 1;
    static final int PD = 2;
    static final int LD = 3;
    static final int SUB = 4;
    static final int ALC = 5;
    static final int SH = 6;
    static final int HOU = 7;
    static final int WOM = 8;

    /** Need codes, in vocabulary order: code {@code i} is bit {@code i}. */
    private static final String[] CODES = {"psychosis", "mood_anxiety", "personality_disorder", "learning_disability",
            "substance_misuse", "alcohol", "self_harm", "housing", "women_specific"};
    private static final String[] NAMES = {"Psychosis", "Depression and anxiety", "Personality disorder",
            "Learning disability", "Substance (drug) misuse", "Alcohol misuse", "Self-harm or suicide risk",
            "Housing or homelessness", "Women's specific needs"};
    private static final int[] PRIMARY = {PSY, MOOD, PD, LD, SUB, ALC, SH};
    private static final double[] PRIMARY_W = {22, 30, 17, 5, 12, 8, 6};
    /** Secondary needs and their chances, by primary need. */
    private static final double[][][] SECONDARY = {
            {{SUB, .30}, {HOU, .25}, {ALC, .10}, {SH, .08}},
            {{ALC, .22}, {SH, .22}, {HOU, .18}, {SUB, .12}, {PD, .08}},
            {{SUB, .40}, {SH, .35}, {ALC, .15}, {HOU, .15}},
            {{HOU, .20}, {MOOD, .20}, {ALC, .05}},
            {{PD, .30}, {MOOD, .25}, {HOU, .25}, {PSY, .15}},
            {{MOOD, .35}, {HOU, .20}, {SH, .10}},
            {{PD, .35}, {MOOD, .30}, {ALC, .15}}};

    private Needs() {}

    /** The vocabulary as {@code needs.csv} lists it. */
    static List<Need> vocabulary() {
        List<Need> needs = new ArrayList<>();
        for (int i = 0; i < CODES.length; i++) {
            needs.add(new Need(CODES[i], NAMES[i]));
        }
        return needs;
    }

    /** The code of need {@code i}. */
    static String code(int need) {
        return CODES[need];
    }

    /** The needs of {@code mask} as codes, in vocabulary order. */
    static List<String> codes(int mask) {
        List<String> out = new ArrayList<>(Integer.bitCount(mask));
        for (int i = 0; i < CODES.length; i++) {
            if ((mask & bit(i)) != 0) {
                out.add(CODES[i]);
            }
        }
        return out;
    }

    /** The mask of the codes the vocabulary knows among {@code codes}. */
    static int mask(List<String> codes) {
        int mask = 0;
        for (int i = 0; i < CODES.length; i++) {
            if (codes.contains(CODES[i])) {
                mask |= bit(i);
            }
        }
        return mask;
    }

    static int bit(int need) {
        return 1 << need;
    }

    static int bits(int... needs) {
        int mask = 0;
        for (int n : needs) {
            mask |= bit(n);
        }
        return mask;
    }

    /** The first need of a mask, in vocabulary order. */
    static int lowest(int mask) {
        return Integer.numberOfTrailingZeros(mask);
    }

    /**
     * A person's needs: a primary need by weight; {@code women_specific} with chance {@code womenSpecific} when
     * {@code female}; then the primary need's secondary needs, each with its chance, until there are three.
     */
    static int draw(SplittableRandom rnd, boolean female, double womenSpecific) {
        int primary = PRIMARY[Draws.pick(rnd, PRIMARY_W)];
        int set = bit(primary);
        if (female && rnd.nextDouble() < womenSpecific) {
            set |= bit(WOM);
        }
        for (double[] secondary : SECONDARY[primary]) {
            if (Integer.bitCount(set) >= 3) {
                break;
            }
            if (rnd.nextDouble() < secondary[1]) {
                set |= bit((int) secondary[0]);
            }
        }
        return set;
    }
}
