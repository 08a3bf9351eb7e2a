package bridgemap.analysis.outcomes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Against the published values of Newcombe (1998), "Two-sided confidence intervals for the single
 * proportion: comparison of seven methods", Statistics in Medicine 17:857–872, Table I, method 3 (score
 * interval without continuity correction), given there to four decimals. Worked by hand with
 * z = 1.959964, z² = 3.841459:
 * <pre>
 *   81/263: p̂ = 0.307985, 1 + z²/n = 1.014606, centre = (p̂ + z²/2n)/1.014606 = 0.310749,
 *           √(p̂(1−p̂)/n + z²/4n²) = 0.028710, half = z·0.028710/1.014606 = 0.055461 → 0.255289 – 0.366210
 *   15/148: p̂ = 0.101351, 1.025956, centre 0.111437, root 0.025676, half 0.049050 → 0.062386 – 0.160487
 *    0/20:  p̂ = 0,        1.192073, centre 0.080563, root 0.048999, half 0.080563 → 0        – 0.161125
 *    1/29:  p̂ = 0.034483, 1.132464, centre 0.088934, root 0.047854, half 0.082821 → 0.006113 – 0.171755
 * </pre>
 */
class WilsonIntervalTest {

    static void assertInterval(double lower, double upper, WilsonInterval interval) {
        assertEquals(lower, interval.lower(), 0.00005, "lower");
        assertEquals(upper, interval.upper(), 0.00005, "upper");
    }

    @Test
    void noTrialsHasNoInterval() {
        WilsonInterval none = WilsonInterval.of(0, 0);
        assertSame(WilsonInterval.NONE, none);
        assertFalse(none.defined());
        assertTrue(Double.isNaN(none.estimate()));
        assertTrue(Double.isNaN(none.lower()));
        assertTrue(Double.isNaN(none.upper()));
    }

    @Test
    void countsOutOfRangeAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> WilsonInterval.of(-1, 5));
        assertThrows(IllegalArgumentException.class, () -> WilsonInterval.of(6, 5));
        assertThrows(IllegalArgumentException.class, () -> WilsonInterval.of(0, -1));
    }

    @Test
    void oneTrial() {
        WilsonInterval success = WilsonInterval.of(1, 1);
        assertEquals(1.0, success.estimate());
        assertEquals(1.0, success.upper());
        // (1 + z²/2 − z²/2) / (1 + z²) = 1 / 4.841459
        assertEquals(0.206549, success.lower(), 0.000001);
    }

    @Test
    void newcombeTableOne() {
        assertInterval(0.2553, 0.3662, WilsonInterval.of(81, 263));
        assertInterval(0.0624, 0.1605, WilsonInterval.of(15, 148));
        assertInterval(0.0000, 0.1611, WilsonInterval.of(0, 20));
        assertInterval(0.0061, 0.1718, WilsonInterval.of(1, 29));
        assertEquals(81.0 / 263, WilsonInterval.of(81, 263).estimate());
    }

    @Test
    void zeroSuccessesStartsAtExactlyZeroAndAllSuccessesEndsAtExactlyOne() {
        assertEquals(0.0, WilsonInterval.of(0, 20).lower());
        assertEquals(1.0, WilsonInterval.of(20, 20).upper());
    }

    @Test
    void failuresMirrorSuccesses() {
        for (int n = 1; n <= 40; n++) {
            for (int x = 0; x <= n; x++) {
                WilsonInterval successes = WilsonInterval.of(x, n);
                WilsonInterval failures = WilsonInterval.of(n - x, n);
                assertEquals(successes.lower(), 1 - failures.upper(), 1e-12);
                assertTrue(successes.lower() <= successes.estimate() && successes.estimate() <= successes.upper());
            }
        }
    }
}
