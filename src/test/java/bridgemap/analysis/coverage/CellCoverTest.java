package bridgemap.analysis.coverage;

import static bridgemap.analysis.coverage.CoverageFixtures.COURT;
import static bridgemap.analysis.coverage.CoverageFixtures.CUSTODY;
import static bridgemap.analysis.coverage.CoverageFixtures.PROBATION;
import static bridgemap.analysis.coverage.CoverageFixtures.cover;
import static bridgemap.analysis.coverage.CoverageFixtures.london;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CellCoverTest {

    @Test
    void refusesNull() {
        assertThrows(NullPointerException.class, () -> CellCover.of(null, null));
    }

    @Test
    void emptySnapshotHasNoCells() {
        CellCover cover = cover(CoverageFixtures.empty());
        assertEquals(Set.of(), cover.cells());
        assertEquals(Set.of(), cover.placed());
    }

    @Test
    void aCellIsABoroughAndAKindWithASetting() {
        CellCover cover = cover(london());
        assertEquals(List.of(COURT, PROBATION, CUSTODY), List.copyOf(cover.cells()));
        assertEquals(Set.of(), cover.practitionersOf(COURT));
        assertEquals(Set.of(COURT), cover.cellsOfSetting("court"));
    }

    @Test
    void aPlacementPutsItsPractitionerInTheCellWithTheirFunders() {
        CellCover cover = cover(london().practitioner("p1", "together", 1.0).placement("p1", "court")
                .funding("nhs", "p1", 1).funding("probation", "p1", 1));
        assertEquals(Set.of("p1"), cover.practitionersOf(COURT));
        assertEquals(Set.of(COURT), cover.cellsOf("p1"));
        assertEquals(Set.of("nhs", "probation"), cover.fundersOf("p1"));
        assertEquals(1.0, cover.fteOf(COURT));
    }

    @Test
    void aBoroughFilterKeepsThatBoroughsCellsOnly() {
        CellCover sutton = cover(CoverageFixtures.courtAndCustody(), "B2");
        assertEquals(Set.of(CUSTODY), sutton.cells());
        assertEquals(Set.of("p3"), sutton.placed());
        assertTrue(sutton.cellsOf("p1").isEmpty(), "p1 is placed outside Sutton");
        assertEquals(2, sutton.placements().size(), "placements anywhere stay, for the settings' own checks");
    }

    @Test
    void aPlacementAtAnUnknownSettingOrFundingFromAnUnknownFunderIsAnError() {
        var nowhere = london().practitioner("p1", "together", 1.0).placement("p1", "nowhere");
        var stranger = london().practitioner("p1", "together", 1.0).funding("stranger", "p1", 1);

        assertThrows(IllegalArgumentException.class, () -> cover(nowhere));
        assertThrows(IllegalArgumentException.class, () -> cover(stranger));
    }

    @Test
    void anUnknownBoroughIsAnError() {
        assertThrows(IllegalArgumentException.class, () -> cover(london(), "E09999999"));
    }
}
