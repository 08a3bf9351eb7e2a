package bridgemap.analysis.coverage;

import static bridgemap.analysis.coverage.CoverageFixtures.COURT;
import static bridgemap.analysis.coverage.CoverageFixtures.CUSTODY;
import static bridgemap.analysis.coverage.CoverageFixtures.MID_2014;
import static bridgemap.analysis.coverage.CoverageFixtures.cover;
import static bridgemap.analysis.coverage.CoverageFixtures.london;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import bridgemap.analysis.coverage.CoverageResult.PractitionerLoss;
import java.util.List;
import org.junit.jupiter.api.Test;

class PractitionerLossesTest {

    static List<PractitionerLoss> losses(bridgemap.analysis.Snapshots.Builder b) {
        return PractitionerLosses.compute(cover(b));
    }

    @Test
    void refusesNull() {
        assertThrows(NullPointerException.class, () -> PractitionerLosses.compute(null));
    }

    @Test
    void emptySnapshotLosesNothing() {
        assertEquals(List.of(), losses(CoverageFixtures.empty()));
        assertEquals(List.of(), losses(london()), "nobody placed, nobody to lose");
    }

    @Test
    void theOnlyPractitionerOfACellLosesIt() {
        var b = london().practitioner("p1", "together", 1.0).placement("p1", "court");

        assertEquals(List.of(new PractitionerLoss(b.build().node("p1"), List.of(COURT))), losses(b));
    }

    @Test
    void practitionerLossIsTheCellsTheyHoldAlone() {
        var b = london()
                .practitioner("p1", "together", 1.0).placement("p1", "court").placement("p1", "office")
                .practitioner("p2", "together", 1.0).placement("p2", "office")
                .practitioner("p3", "together", 1.0).placement("p3", "custody");

        List<PractitionerLoss> losses = losses(b);

        var snapshot = b.build();
        assertEquals(List.of(
                new PractitionerLoss(snapshot.node("p1"), List.of(COURT)),
                new PractitionerLoss(snapshot.node("p3"), List.of(CUSTODY))),
                losses, "p2 shares the office with p1, so losing p2 empties nothing");
    }

    @Test
    void practitionerLossesAreSortedByCellsLostThenId() {
        var b = london()
                .practitioner("p2", "together", 1.0).placement("p2", "court").placement("p2", "office")
                .practitioner("p1", "together", 1.0).placement("p1", "custody");

        assertEquals(List.of("p2", "p1"), losses(b).stream().map(l -> l.practitioner().id()).toList());
    }

    @Test
    void aBoroughFilterKeepsThatBoroughsPractitioners() {
        List<PractitionerLoss> sutton = PractitionerLosses.compute(cover(CoverageFixtures.courtAndCustody(), "B2"));

        assertEquals(List.of("p3"), sutton.stream().map(l -> l.practitioner().id()).toList());
    }

    @Test
    void eighteenPractitionersOfTheLondonDemoHoldSomeCellAloneInMid2014() {
        List<PractitionerLoss> losses = PractitionerLosses.compute(CoverageFixtures.demo(MID_2014));

        assertEquals(18, losses.size());
        // Issue 14: Hammersmith Magistrates' Court serves Kensington and Chelsea too (its catchment), so its one FMHP
        // holds three cells alone; before catchments fmhp-bre-01 came first with two.
        assertEquals("fmhp-hf-03", losses.get(0).practitioner().id(), "three cells");
        assertEquals(List.of("Hammersmith and Fulham/magistrates_court", "Hammersmith and Fulham/probation_office",
                "Kensington and Chelsea/magistrates_court"), losses.get(0).cellsLost().stream()
                .map(k -> k.boroughName() + "/" + k.kind().code()).toList());
        assertEquals("fmhp-bre-01", losses.get(1).practitioner().id(), "then two cells, first by id");
        assertEquals(2, losses.get(1).cellsLost().size());
    }
}
