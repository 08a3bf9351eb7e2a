package bridgemap.analysis.coverage;

import static bridgemap.analysis.coverage.CoverageFixtures.MID_2009;
import static bridgemap.analysis.coverage.CoverageFixtures.MID_2014;
import static bridgemap.analysis.coverage.CoverageFixtures.cover;
import static bridgemap.analysis.coverage.CoverageFixtures.london;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bridgemap.analysis.Snapshots;
import bridgemap.analysis.coverage.CoverageResult.Summary;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class CoverageSummaryTest {

    static Summary summary(CellCover cover) {
        return CoverageSummary.compute(cover, Cells.compute(cover));
    }

    static Summary summary(Snapshots.Builder b) {
        return summary(cover(b));
    }

    static Summary demo(LocalDate day) {
        return summary(CoverageFixtures.demo(day));
    }

    @Test
    void refusesNull() {
        assertThrows(NullPointerException.class, () -> CoverageSummary.compute(null, List.of()));
        assertThrows(NullPointerException.class, () -> CoverageSummary.compute(cover(london()), null));
    }

    @Test
    void emptySnapshotHasNoCells() {
        assertEquals(new Summary(0, 0, 0, 0, 0, 0, 0.0, 0.0), summary(CoverageFixtures.empty()));
    }

    @Test
    void onePractitionerCoversOneBoroughFragilely() {
        var b = london().practitioner("p1", "together", 0.5).placement("p1", "court").funding("nhs", "p1", 25);

        assertEquals(new Summary(1, 3, 2, 1, 0, 1, 0.5, 25.0), summary(b));
    }

    @Test
    void aCourtAndProbationPostIsSplitEquallyOverItsPlacements() {
        var b = CoverageFixtures.sharedPosts();

        Summary summary = summary(b);

        assertEquals(2.8, summary.fte(), 1e-12);
        assertEquals(3, summary.practitionersPlaced());
        assertEquals(2, summary.boroughsWithCover());
    }

    @Test
    void fundingActiveCountsEveryRowActiveOnTheDayPlacedOrNot() {
        var b = CoverageFixtures.endingRows();

        assertEquals(1500.0, summary(b).fundingActiveGbp(), "every row active on D, placed or not");
    }

    @Test
    void summaryCountsTheCells() {
        var b = london()
                .practitioner("p1", "together", 1.0).placement("p1", "court").funding("probation", "p1", 10)
                .practitioner("p2", "together", 1.0).placement("p2", "court").funding("nhs", "p2", 20)
                .practitioner("p3", "together", 1.0).placement("p3", "office").funding("nhs", "p3", 30);

        assertEquals(new Summary(1, 3, 1, 1, 1, 3, 3.0, 60.0), summary(b));
    }

    @Test
    void aBoroughFilterCountsThatBoroughsCellsAndFunding() {
        assertEquals(new Summary(1, 1, 0, 1, 0, 1, 1.0, 30.0), summary(cover(CoverageFixtures.courtAndCustody(), "B2")));
    }

    @Test
    void aBoroughWithNoSettingsHasNothingToCount() {
        assertEquals(new Summary(0, 0, 0, 0, 0, 0, 0.0, 0.0), summary(cover(london(), "B3")));
    }

    @Test
    void theLondonDemoMatchesTheCaseStudyInMid2014() {
        Summary summary = demo(MID_2014);
        assertEquals(22, summary.boroughsWithCover(), "support workers add no borough");
        assertEquals(2_042_910.0, summary.fundingActiveGbp(), 0.5);
    }

    @Test
    void theLondonDemoCoveredFewerBoroughsInMid2009() {
        assertTrue(demo(MID_2009).boroughsWithCover() < 22);
    }
}
