package bridgemap.analysis.coverage;

import static bridgemap.analysis.coverage.CoverageFixtures.COURT;
import static bridgemap.analysis.coverage.CoverageFixtures.MID_2014;
import static bridgemap.analysis.coverage.CoverageFixtures.PROBATION;
import static bridgemap.analysis.coverage.CoverageFixtures.cover;
import static bridgemap.analysis.coverage.CoverageFixtures.london;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import bridgemap.analysis.coverage.CoverageResult.FunderLoss;
import bridgemap.model.Funder;
import bridgemap.model.FunderKind;
import bridgemap.model.NetworkNode;
import java.util.List;
import org.junit.jupiter.api.Test;

class FunderLossesTest {

    static List<FunderLoss> losses(bridgemap.analysis.Snapshots.Builder b) {
        return FunderLosses.compute(cover(b));
    }

    @Test
    void refusesNull() {
        assertThrows(NullPointerException.class, () -> FunderLosses.compute(null));
    }

    @Test
    void emptySnapshotLosesNothing() {
        assertEquals(List.of(), losses(CoverageFixtures.empty()));
    }

    @Test
    void theOnlyFunderOfTheOnlyPractitionerLosesTheirCell() {
        var b = london().practitioner("p1", "together", 1.0).placement("p1", "court").funding("nhs", "p1", 1);

        assertEquals(List.of(new FunderLoss(new Funder("nhs", "nhs", FunderKind.OTHER), List.of(b.build().node("p1")),
                List.of(COURT))), losses(b));
    }

    @Test
    void aFunderTakesOnlyThePractitionersItAlonePays() {
        var b = london()
                .practitioner("p1", "together", 1.0).placement("p1", "court")
                .funding("probation", "p1", 20_000).funding("nhs", "p1", 20_000)
                .practitioner("p2", "together", 1.0).placement("p2", "office").funding("probation", "p2", 40_000)
                .practitioner("p3", "together", 1.0).placement("p3", "custody");

        List<FunderLoss> losses = losses(b);

        var snapshot = b.build();
        assertEquals(List.of(new FunderLoss(new Funder("probation", "probation", FunderKind.OTHER),
                List.of(snapshot.node("p2")), List.of(PROBATION))), losses,
                "p1 survives either funder's withdrawal; p3 has no funding and stays; nhs alone pays nobody");
    }

    @Test
    void aFunderLosesACellOnlyWhenEveryPractitionerThereGoes() {
        var b = london()
                .practitioner("p1", "together", 1.0).placement("p1", "court").funding("probation", "p1", 1)
                .practitioner("p2", "together", 1.0).placement("p2", "court").funding("probation", "p2", 1)
                .practitioner("p3", "together", 1.0).placement("p3", "office").funding("probation", "p3", 1)
                .practitioner("p4", "together", 1.0).placement("p4", "office").funding("nhs", "p4", 1);

        List<FunderLoss> losses = losses(b);

        assertEquals(1, losses.size());
        assertEquals(List.of(COURT), losses.get(0).cellsLost());
        assertEquals(List.of("p1", "p2", "p3"), losses.get(0).practitionersLost().stream().map(NetworkNode::id).toList());
    }

    @Test
    void aBoroughFilterKeepsThatBoroughsCells() {
        List<FunderLoss> sutton = FunderLosses.compute(cover(CoverageFixtures.courtAndCustody(), "B2"));

        assertEquals(List.of("nhs"), sutton.stream().map(l -> l.funder().id()).toList());
    }

    @Test
    void threeFundersOfTheLondonDemoWouldEachEmptySomeCellInMid2014() {
        List<FunderLoss> losses = FunderLosses.compute(CoverageFixtures.demo(MID_2014));

        assertEquals(List.of("fund-nps", "fund-nhse", "fund-resolving-chaos"), losses.stream().map(l -> l.funder().id()).toList());
        assertEquals(List.of(9, 23, 1), losses.stream().map(l -> l.practitionersLost().size()).toList());
        assertEquals(List.of(9, 8, 1), losses.stream().map(l -> l.cellsLost().size()).toList());
    }
}
