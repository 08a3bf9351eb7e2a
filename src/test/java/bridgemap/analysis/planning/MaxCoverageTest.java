package bridgemap.analysis.planning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class MaxCoverageTest {

    private static BitSet set(int... elements) {
        BitSet s = new BitSet();
        for (int e : elements) {
            s.set(e);
        }
        return s;
    }

    @Test
    void nothingToChooseFrom() {
        assertEquals(List.of(), MaxCoverage.greedy(List.of(), 3));
        assertEquals(0, MaxCoverage.optimum(List.of(), 3));
        assertThrows(IllegalArgumentException.class, () -> MaxCoverage.greedy(List.of(), -1));
    }

    @Test
    void stopsWhenNothingMoreCanBeCovered() {
        var picks = MaxCoverage.greedy(List.of(set(1, 2), set(2), set(1)), 3);
        assertEquals(List.of(new MaxCoverage.Pick(0, 2, 2)), picks);
    }

    /** The textbook case where greedy is not optimal: it takes the big set first and then can add only one each. */
    @Test
    void greedyCanMissTheOptimumButStaysWithinItsGuarantee() {
        List<BitSet> sets = List.of(set(1, 2, 3, 4), set(1, 2, 5), set(3, 4, 6));
        var picks = MaxCoverage.greedy(sets, 2);
        assertEquals(0, picks.get(0).candidate());
        assertEquals(5, picks.get(1).cumulative());
        assertEquals(6, MaxCoverage.optimum(sets, 2));
    }

    /** On many small random instances: greedy ≤ optimum and greedy ≥ (1 − 1/e) · optimum, gains never grow. */
    @Test
    void greedyIsWithinOneMinusOneOverEOfTheOptimum() {
        SplittableRandom random = new SplittableRandom(20141001);
        double bound = 1 - 1 / Math.E;
        for (int instance = 0; instance < 300; instance++) {
            int sets = 3 + random.nextInt(8);
            int universe = 5 + random.nextInt(20);
            List<BitSet> candidates = new ArrayList<>();
            for (int s = 0; s < sets; s++) {
                BitSet b = new BitSet();
                int size = 1 + random.nextInt(universe / 2 + 1);
                for (int i = 0; i < size; i++) {
                    b.set(random.nextInt(universe));
                }
                candidates.add(b);
            }
            int k = 1 + random.nextInt(4);
            var picks = MaxCoverage.greedy(candidates, k);
            int greedy = picks.isEmpty() ? 0 : picks.get(picks.size() - 1).cumulative();
            int optimum = MaxCoverage.optimum(candidates, k);
            assertTrue(greedy <= optimum, "instance " + instance);
            assertTrue(greedy >= bound * optimum - 1e-9, "instance " + instance + ": " + greedy + " vs " + optimum);
            for (int i = 1; i < picks.size(); i++) {
                assertTrue(picks.get(i).gain() <= picks.get(i - 1).gain(), "diminishing returns");
            }
        }
    }
}
