package bridgemap.analysis.coverage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class FragilityTest {

    @Test
    void refusesNegativeCounts() {
        assertThrows(IllegalArgumentException.class, () -> Fragility.of(-1, 0, false));
        assertThrows(IllegalArgumentException.class, () -> Fragility.of(1, -1, false));
    }

    @Test
    void nobodyIsAHoleWhateverTheFunding() {
        assertEquals(new Fragility(CellStatus.HOLE, List.of("no cover")), Fragility.of(0, 0, false));
        assertEquals(new Fragility(CellStatus.HOLE, List.of("no cover")), Fragility.of(0, 2, true));
    }

    @Test
    void onePractitionerIsFragileForEveryReasonThatApplies() {
        assertEquals(List.of("single practitioner", "single funder"), Fragility.of(1, 1, false).reasons());
        assertEquals(List.of("single practitioner", "unfunded"), Fragility.of(1, 0, true).reasons());
        assertEquals(CellStatus.FRAGILE, Fragility.of(1, 2, false).status());
        assertEquals(List.of("single practitioner"), Fragility.of(1, 2, false).reasons());
    }

    @Test
    void twoPractitionersAreCoveredOnlyWithTwoFundersAndNobodyUnfunded() {
        assertEquals(new Fragility(CellStatus.COVERED, List.of()), Fragility.of(2, 2, false));
        assertEquals(List.of("single funder"), Fragility.of(2, 1, false).reasons());
        assertEquals(List.of("single funder", "unfunded"), Fragility.of(3, 1, true).reasons());
        assertEquals(List.of("unfunded"), Fragility.of(2, 0, true).reasons());
    }
}
