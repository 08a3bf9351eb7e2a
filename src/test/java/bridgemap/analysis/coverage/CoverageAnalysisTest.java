package bridgemap.analysis.coverage;

import static bridgemap.analysis.coverage.CoverageFixtures.D;
import static bridgemap.analysis.coverage.CoverageFixtures.london;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The composition: each part is tested on its own ({@link CellsTest}, {@link FragilityTest},
 * {@link UncoveredSettingsTest}, {@link EndingFundingTest}, {@link PractitionerLossesTest},
 * {@link FunderLossesTest}, {@link CoverageSummaryTest}, {@link CellCoverTest}); here, that they are put together
 * from one cover, for the day and the borough asked.
 */
class CoverageAnalysisTest {

    @Test
    void refusesNull() {
        assertThrows(NullPointerException.class, () -> CoverageAnalysis.compute(null, null));
    }

    @Test
    void emptySnapshotHasAnEmptyResult() {
        CoverageResult result = CoverageAnalysis.compute(CoverageFixtures.empty().build(), null);
        assertEquals(D, result.asOf());
        assertEquals(null, result.boroughId());
        assertEquals(List.of(), result.cells());
        assertEquals(List.of(), result.practitionerLosses());
    }

    @Test
    void eachPartIsComputedFromTheSameCover() {
        var snapshot = CoverageFixtures.courtAndCustody().build();
        CellCover cover = CellCover.of(snapshot, null);
        List<CoverageResult.Cell> cells = Cells.compute(cover);

        assertEquals(new CoverageResult(D, null, CoverageSummary.compute(cover, cells), cells,
                UncoveredSettings.compute(cover), EndingFunding.compute(cover), PractitionerLosses.compute(cover),
                FunderLosses.compute(cover)), CoverageAnalysis.compute(snapshot, null));
    }

    @Test
    void aBoroughFilterIsKeptInTheResult() {
        assertEquals("B2", CoverageAnalysis.compute(CoverageFixtures.courtAndCustody().build(), "B2").boroughId());
    }

    @Test
    void anUnknownBoroughIsAnError() {
        var snapshot = london().build();
        assertThrows(IllegalArgumentException.class, () -> CoverageAnalysis.compute(snapshot, "E09999999"));
    }
}
