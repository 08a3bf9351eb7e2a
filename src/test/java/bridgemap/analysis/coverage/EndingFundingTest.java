package bridgemap.analysis.coverage;

import static bridgemap.analysis.coverage.CoverageFixtures.COURT;
import static bridgemap.analysis.coverage.CoverageFixtures.D;
import static bridgemap.analysis.coverage.CoverageFixtures.MID_2014;
import static bridgemap.analysis.coverage.CoverageFixtures.PROBATION;
import static bridgemap.analysis.coverage.CoverageFixtures.cover;
import static bridgemap.analysis.coverage.CoverageFixtures.london;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bridgemap.analysis.Snapshots;
import bridgemap.analysis.coverage.CoverageResult.FundingEnding;
import bridgemap.model.Funder;
import bridgemap.model.FunderKind;
import java.util.List;
import org.junit.jupiter.api.Test;

class EndingFundingTest {

    @Test
    void refusesNull() {
        assertThrows(NullPointerException.class, () -> EndingFunding.compute(null));
    }

    @Test
    void emptySnapshotHasNoFundingEnding() {
        assertEquals(List.of(), EndingFunding.compute(cover(CoverageFixtures.empty())));
    }

    @Test
    void oneRowEndingTomorrowIsListed() {
        var b = london().practitioner("p1", "together", 1.0).placement("p1", "court")
                .funding("nhs", "p1", 100, Snapshots.between(null, D.plusDays(1)));

        assertEquals(List.of(new FundingEnding(new Funder("nhs", "nhs", FunderKind.OTHER), b.build().node("p1"),
                D.plusDays(1), 100.0, List.of(COURT), EndingFunding.post(b.build(), "p1"))), EndingFunding.compute(cover(b)));
    }

    /** Issue 14: a row names the post it pays for — role, host agency, settings — not only the holder's pseudonym. */
    @Test
    void aRowNamesItsPostAndWhoHoldsIt_issue14() {
        var b = london().practitioner("p1", "together", 1.0).placement("p1", "court").placement("p1", "office")
                .funding("nhs", "p1", 100, Snapshots.between(null, D.plusDays(1)));
        CoverageResult.Post post = EndingFunding.compute(cover(b)).get(0).post();
        assertEquals("FMHP", post.role());
        assertEquals("together", post.host().id());
        assertEquals(List.of("court", "office"), post.settings().stream().map(s -> s.id()).toList());
        assertEquals("FMHP held by together at Highbury Corner Magistrates' Court; Islington probation office",
                post.description());
        var manager = CoverageFixtures.endingRows();
        assertEquals("mgr", EndingFunding.compute(cover(manager)).get(0).practitioner().id());
        assertTrue(EndingFunding.compute(cover(manager)).get(0).post().description().endsWith(", not placed at a setting"));
    }

    @Test
    void fundingEndingMeansAnEndInTheComingYearAfterTheDay() {
        var b = CoverageFixtures.endingRows();

        assertEquals(List.of(
                new FundingEnding(new Funder("nhs", "nhs", FunderKind.OTHER), b.build().node("mgr"),
                        D.plusDays(1), 500.0, List.of(), EndingFunding.post(b.build(), "mgr")),
                new FundingEnding(new Funder("nhs", "nhs", FunderKind.OTHER), b.build().node("p1"),
                        D.plusDays(365), 200.0, List.of(COURT, PROBATION), EndingFunding.post(b.build(), "p1"))),
                EndingFunding.compute(cover(b)));
    }

    @Test
    void aBoroughFilterKeepsTheRowsOfItsPractitioners() {
        List<FundingEnding> sutton = EndingFunding.compute(cover(CoverageFixtures.courtAndCustody(), "B2"));

        assertEquals(List.of("p3"), sutton.stream().map(f -> f.practitioner().id()).toList());
    }

    @Test
    void everyActiveRowOfTheLondonDemoEndsWithinAYearInMid2014() {
        assertEquals(62, EndingFunding.compute(CoverageFixtures.demo(MID_2014)).size(),
                "funding never more than 12 months: every active row ends within a year");
    }
}
