package bridgemap.analysis.outcomes;

import static bridgemap.testing.Counts.n;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import bridgemap.analysis.Snapshots;
import bridgemap.analysis.outcomes.OutcomesResult.HandOffOutcomes;
import bridgemap.analysis.outcomes.OutcomesResult.SectorPairOutcomes;
import bridgemap.model.NetworkSnapshot;
import bridgemap.model.Outcome;
import bridgemap.model.Sector;
import bridgemap.model.SettingKind;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A magistrates' court (criminal justice), an FMHP employed by Together (voluntary) and a community
 * mental-health team (health): court → FMHP → CMHT is a brokered criminal justice → health hand-off,
 * court → CMHT a direct one.
 */
class BrokerOutcomesTest {

    static final LocalDate D = LocalDate.of(2014, 6, 30);
    static final LocalDate OLD = D.minusDays(200);

    static Snapshots.Builder network() {
        return Snapshots.on(D)
                .borough("B1", "Islington")
                .borough("B2", "Sutton")
                .agency("hmcts", Sector.CRIMINAL_JUSTICE)
                .agency("trust", Sector.HEALTH)
                .agency("together", Sector.VOLUNTARY)
                .agency("council", Sector.SOCIAL_CARE)
                .setting("court", SettingKind.MAGISTRATES_COURT, "B1", "hmcts")
                .service("cmht", "trust", "B1", "psychosis", "")
                .service("housing", "council", "B1", "housing", "")
                .practitioner("fmhp", "together", 1.0)
                .placement("fmhp", "court");
    }

    static SectorPairOutcomes pair(OutcomesResult result, Sector from, Sector to) {
        return result.pairs().stream().filter(p -> p.from() == from && p.to() == to).findFirst().orElseThrow();
    }

    static SectorPairOutcomes justiceToHealth(Snapshots.Builder b) {
        return pair(BrokerOutcomes.compute(b.build(), null), Sector.CRIMINAL_JUSTICE, Sector.HEALTH);
    }

    @Test
    void refusesNull() {
        assertThrows(NullPointerException.class, () -> BrokerOutcomes.compute(null, null));
    }

    @Test
    void emptySnapshotHasNoPairs() {
        OutcomesResult result = BrokerOutcomes.compute(Snapshots.on(D).build(), null);
        assertEquals(D, result.asOf());
        assertNull(result.boroughId());
        assertEquals(List.of(), result.pairs());
    }

    @Test
    void courtToFmhpToMentalHealthIsBrokered() {
        var b = network().caseIn("c1", "B1", "psychosis")
                .referral("c1", OLD, "court", "fmhp", Outcome.ACCEPTED)
                .referral("c1", OLD.plusDays(7), "fmhp", "cmht", Outcome.ACCEPTED);

        OutcomesResult result = BrokerOutcomes.compute(b.build(), null);

        assertEquals(1, result.pairs().size(), "the court → FMHP step itself is no A → B hand-off");
        SectorPairOutcomes row = result.pairs().get(0);
        assertEquals(Sector.CRIMINAL_JUSTICE, row.from());
        assertEquals(Sector.HEALTH, row.to());
        assertEquals(new HandOffOutcomes(n(1), n(1), n(0), new Proportion(n(1), n(1)), n(1), n(1), n(0), new Proportion(n(0), n(1))), row.brokered());
        assertEquals(new HandOffOutcomes(n(0), n(0), n(0), new Proportion(n(0), n(0)), n(0), n(0), n(0), new Proportion(n(0), n(0))), row.direct());
    }

    @Test
    void courtToMentalHealthIsDirect() {
        var b = network().caseIn("c1", "B1", "psychosis").referral("c1", OLD, "court", "cmht", Outcome.DECLINED);

        SectorPairOutcomes row = justiceToHealth(b);

        assertEquals(new HandOffOutcomes(n(1), n(0), n(0), new Proportion(n(0), n(1)), n(1), n(1), n(1), new Proportion(n(1), n(1))), row.direct());
        assertEquals(0, row.brokered().handOffs().value());
    }

    @Test
    void theBrokerMustHaveReceivedTheCaseFromTheSectorEarlier() {
        var later = network().caseIn("c1", "B1", "psychosis")
                .referral("c1", OLD, "fmhp", "cmht", Outcome.ACCEPTED)
                .referral("c1", OLD.plusDays(1), "court", "fmhp", Outcome.ACCEPTED);
        var sameDayEarlierId = network().caseIn("c1", "B1", "psychosis")
                .referral("r-2", "c1", OLD, "fmhp", "cmht", Outcome.ACCEPTED)
                .referral("r-1", "c1", OLD, "court", "fmhp", Outcome.ACCEPTED);
        var sameDayLaterId = network().caseIn("c1", "B1", "psychosis")
                .referral("r-1", "c1", OLD, "fmhp", "cmht", Outcome.ACCEPTED)
                .referral("r-2", "c1", OLD, "court", "fmhp", Outcome.ACCEPTED);

        assertEquals(List.of(), BrokerOutcomes.compute(later.build(), null).pairs());
        assertEquals(1, justiceToHealth(sameDayEarlierId).brokered().handOffs().value());
        assertEquals(List.of(), BrokerOutcomes.compute(sameDayLaterId.build(), null).pairs());
    }

    @Test
    void theBrokerMustBeTheNodeTheCaseWasReferredTo() {
        var b = network().practitioner("fmhp-2", "together", 1.0).caseIn("c1", "B1", "psychosis")
                .referral("c1", OLD, "court", "fmhp", Outcome.ACCEPTED)
                .referral("c1", OLD.plusDays(7), "fmhp-2", "cmht", Outcome.ACCEPTED);

        assertEquals(List.of(), BrokerOutcomes.compute(b.build(), null).pairs());
    }

    @Test
    void aBrokerHandingBackToTheSameSectorIsNoPair() {
        var b = network().caseIn("c1", "B1", "psychosis")
                .referral("c1", OLD, "trust", "fmhp", Outcome.ACCEPTED)
                .referral("c1", OLD.plusDays(7), "fmhp", "cmht", Outcome.ACCEPTED);

        assertEquals(List.of(), BrokerOutcomes.compute(b.build(), null).pairs());
    }

    @Test
    void oneBrokeredReferralCountsForEverySectorThatReferredToTheBroker() {
        var b = network().caseIn("c1", "B1", "psychosis", "housing")
                .referral("c1", OLD, "court", "fmhp", Outcome.ACCEPTED)
                .referral("c1", OLD.plusDays(1), "council", "fmhp", Outcome.ACCEPTED)
                .referral("c1", OLD.plusDays(7), "fmhp", "cmht", Outcome.ACCEPTED);

        OutcomesResult result = BrokerOutcomes.compute(b.build(), null);

        assertEquals(List.of(List.of(Sector.CRIMINAL_JUSTICE, Sector.HEALTH), List.of(Sector.SOCIAL_CARE, Sector.HEALTH)),
                result.pairs().stream().map(p -> List.of(p.from(), p.to())).toList());
    }

    @Test
    void acceptanceLeavesPendingOutAndCountsPerReferral() {
        var b = network().caseIn("c1", "B1", "psychosis")
                .referral("c1", D.minusDays(40), "court", "cmht", Outcome.ACCEPTED)
                .referral("c1", D.minusDays(30), "court", "cmht", Outcome.DECLINED)
                .referral("c1", D.minusDays(20), "court", "cmht", Outcome.NO_RESPONSE)
                .referral("c1", D.minusDays(10), "court", "cmht", Outcome.PENDING);

        HandOffOutcomes direct = justiceToHealth(b).direct();

        assertEquals(4, direct.handOffs().value());
        assertEquals(1, direct.accepted().value());
        assertEquals(1, direct.pending().value());
        assertEquals(WilsonInterval.of(1, 3), direct.acceptance().interval());
        assertEquals(1, direct.cases().value());
        assertEquals(0, direct.resolvedCases().value());
        assertFalse(direct.deadEndRate().interval().defined());
    }

    @Test
    void deadEndsComparePerCaseAndACaseWithBothKindsCountsAsBrokered() {
        var b = network()
                // brokered, then dead-ended at the CMHT: a brokered dead end
                .caseIn("c1", "B1", "psychosis")
                .referral("c1", OLD, "court", "fmhp", Outcome.ACCEPTED)
                .referral("c1", OLD.plusDays(7), "fmhp", "cmht", Outcome.DECLINED)
                // direct first, then brokered and accepted: brokered group, not a dead end
                .caseIn("c2", "B1", "psychosis")
                .referral("c2", OLD, "court", "cmht", Outcome.NO_RESPONSE)
                .referral("c2", OLD.plusDays(1), "court", "fmhp", Outcome.ACCEPTED)
                .referral("c2", OLD.plusDays(7), "fmhp", "cmht", Outcome.ACCEPTED)
                // direct only, twice declined: a direct dead end
                .caseIn("c3", "B1", "psychosis")
                .referral("c3", OLD, "court", "cmht", Outcome.DECLINED)
                .referral("c3", OLD.plusDays(3), "court", "cmht", Outcome.DECLINED)
                // direct only, too recent to be resolved
                .caseIn("c4", "B1", "psychosis")
                .referral("c4", D.minusDays(5), "court", "cmht", Outcome.DECLINED);

        SectorPairOutcomes row = justiceToHealth(b);

        assertEquals(new HandOffOutcomes(n(2), n(1), n(0), new Proportion(n(1), n(2)), n(2), n(2), n(1), new Proportion(n(1), n(2))), row.brokered());
        assertEquals(new HandOffOutcomes(n(4), n(0), n(0), new Proportion(n(0), n(4)), n(2), n(1), n(1), new Proportion(n(1), n(1))), row.direct());
    }

    @Test
    void pairsComeInSectorOrderAndVoluntaryIsNeverAnEnd() {
        var b = network().caseIn("c1", "B1", "psychosis", "housing")
                .referral("c1", OLD, "court", "housing", Outcome.ACCEPTED)
                .referral("c1", OLD, "court", "cmht", Outcome.ACCEPTED)
                .referral("c1", OLD, "trust", "housing", Outcome.ACCEPTED)
                .referral("c1", OLD, "court", "together", Outcome.ACCEPTED);

        assertEquals(List.of(
                        List.of(Sector.CRIMINAL_JUSTICE, Sector.HEALTH),
                        List.of(Sector.CRIMINAL_JUSTICE, Sector.SOCIAL_CARE),
                        List.of(Sector.HEALTH, Sector.SOCIAL_CARE)),
                BrokerOutcomes.compute(b.build(), null).pairs().stream().map(p -> List.of(p.from(), p.to())).toList());
    }

    @Test
    void aBoroughFilterUsesOnlyThatBoroughsCases() {
        NetworkSnapshot snapshot = network()
                .caseIn("c1", "B1", "psychosis").referral("c1", OLD, "court", "cmht", Outcome.ACCEPTED)
                .caseIn("s1", "B2", "psychosis").referral("s1", OLD, "court", "cmht", Outcome.DECLINED)
                .build();

        assertEquals(2, pair(BrokerOutcomes.compute(snapshot, null), Sector.CRIMINAL_JUSTICE, Sector.HEALTH).direct().handOffs().value());
        OutcomesResult sutton = BrokerOutcomes.compute(snapshot, "B2");
        assertEquals("B2", sutton.boroughId());
        assertEquals(0, pair(sutton, Sector.CRIMINAL_JUSTICE, Sector.HEALTH).direct().accepted().value());
        assertEquals(List.of(), BrokerOutcomes.compute(network().build(), "B2").pairs());
        assertThrows(IllegalArgumentException.class, () -> BrokerOutcomes.compute(snapshot, "nowhere"));
    }
}
