package bridgemap.analysis.outcomes;

import static bridgemap.testing.Counts.n;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;

/** Newcombe's hybrid score interval against the values his 1998 paper publishes. */
class ProportionDifferenceTest {

    @Test
    void newcombesExamples() {
        // Newcombe (1998), Statistics in Medicine 17:873–890, Table II, method 10: 56/70 − 48/80 = 0.2000,
        // 95% interval 0.0524 to 0.3339.
        var d = new ProportionDifference(new Proportion(n(56), n(70)), new Proportion(n(48), n(80))).interval();
        assertEquals(0.2, d.estimate(), 1e-12);
        assertEquals(0.0524, d.lower(), 5e-5);
        assertEquals(0.3339, d.upper(), 5e-5);
        // … and 9/10 − 3/10 = 0.6000, 0.1705 to 0.8090.
        var e = new ProportionDifference(new Proportion(n(9), n(10)), new Proportion(n(3), n(10))).interval();
        assertEquals(0.6, e.estimate(), 1e-12);
        assertEquals(0.1705, e.lower(), 5e-5);
        assertEquals(0.8090, e.upper(), 5e-5);
        // … and 5/56 − 0/29 = 0.0893, −0.0381 to 0.1926 (a zero count: the interval still covers 0).
        var f = new ProportionDifference(new Proportion(n(5), n(56)), new Proportion(n(0), n(29))).interval();
        assertEquals(-0.0381, f.lower(), 5e-5);
        assertEquals(0.1926, f.upper(), 5e-5);
    }

    @Test
    void noTrialsNoDifference() {
        assertFalse(new ProportionDifference(new Proportion(n(0), n(0)), new Proportion(n(1), n(2))).interval().defined());
    }
}
