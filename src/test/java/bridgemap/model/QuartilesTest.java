package bridgemap.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Quartiles as R's quantile(x, type = 7) and NumPy's percentile give them. */
class QuartilesTest {

    private static Quartiles of(int... days) {
        return Quartiles.of(days, new Tally(days.length, 0));
    }

    @Test
    void noneOneAndTheReferenceValuesOfRsTypeSeven() {
        assertNull(of().median());
        assertEquals(new Quartiles(new Tally(1, 0), 7.0, 7.0, 7.0), of(7));
        // R: quantile(1:10) → 3.25, 5.5, 7.75
        assertEquals(new Quartiles(new Tally(10, 0), 3.25, 5.5, 7.75), of(10, 9, 8, 7, 6, 5, 4, 3, 2, 1));
        // R: quantile(c(1, 2, 4, 8, 16)) → 2, 4, 8
        assertEquals(new Quartiles(new Tally(5, 0), 2.0, 4.0, 8.0), of(16, 1, 8, 2, 4));
        // R: quantile(c(3, 7, 8, 20)) → 6, 7.5, 11
        assertEquals(new Quartiles(new Tally(4, 0), 6.0, 7.5, 11.0), of(3, 7, 8, 20));
    }

    @Test
    void theCountMustBeTheNumberOfValues() {
        assertThrows(IllegalArgumentException.class, () -> Quartiles.of(new int[] {1, 2}, new Tally(3, 0)));
    }
}
