package bridgemap.analysis.gaps;

import static bridgemap.testing.Counts.n;
import static bridgemap.testing.Counts.rate;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bridgemap.analysis.Snapshots;
import bridgemap.analysis.gaps.DeadEndsResult.BoroughDeadEnds;
import bridgemap.analysis.gaps.DeadEndsResult.DeadEndTarget;
import bridgemap.analysis.gaps.DeadEndsResult.HandOffDeadEnds;
import bridgemap.model.NetworkSnapshot;
import bridgemap.model.Outcome;
import bridgemap.model.Sector;
import bridgemap.model.SettingKind;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeadEndsTest {

    static final LocalDate D = LocalDate.of(2014, 6, 30);

    /** A court in Islington and one in Sutton, a mental-health team and a drug service. */
    static Snapshots.Builder network() {
        return Snapshots.on(D)
                .borough("B1", "Islington")
                .borough("B2", "Sutton")
                .agency("hmcts", Sector.CRIMINAL_JUSTICE)
                .agency("trust", Sector.HEALTH)
                .agency("dap", Sector.SUBSTANCE_MISUSE)
                .setting("court", SettingKind.MAGISTRATES_COURT, "B1", "hmcts")
                .setting("court-2", SettingKind.MAGISTRATES_COURT, "B2", "hmcts")
                .service("cmht", "trust", "B1;B2", "psychosis", "substance_misuse")
                .service("drugs", "dap", "B1;B2", "substance_misuse", "")
                .caseIn("c1", "B1", "psychosis");
    }

    static DeadEndsResult deadEnds(Snapshots.Builder b) {
        return DeadEnds.compute(b.build(), null);
    }

    @Test
    void refusesNull() {
        assertThrows(NullPointerException.class, () -> DeadEnds.compute(null, null));
    }

    @Test
    void emptySnapshotHasNoCasesAndNoRate() {
        DeadEndsResult result = DeadEnds.compute(Snapshots.on(D).build(), null);
        assertEquals(0, result.cases().value());
        assertEquals(0, result.resolved().value());
        assertTrue(Double.isNaN(result.rate().value()));
        assertEquals(List.of(), result.byBorough());
        assertEquals(List.of(), result.byHandOff());
        assertEquals(List.of(), result.endpoints());
    }

    @Test
    void declinedAHundredDaysAgoIsADeadEnd() {
        DeadEndsResult result = deadEnds(network().referral("c1", D.minusDays(100), "court", "cmht", Outcome.DECLINED));
        assertEquals(1, result.cases().value());
        assertEquals(1, result.resolved().value());
        assertEquals(1, result.deadEnds().value());
        assertEquals(1.0, result.rate().value());
    }

    @Test
    void declinedThirtyDaysAgoIsNotResolvedYet() {
        DeadEndsResult result = deadEnds(network().referral("c1", D.minusDays(30), "court", "cmht", Outcome.DECLINED));
        assertEquals(1, result.cases().value());
        assertEquals(0, result.resolved().value());
        assertEquals(0, result.deadEnds().value());
        assertTrue(Double.isNaN(result.rate().value()));
    }

    @Test
    void resolvedMeansNinetyDaysOrMore() {
        assertEquals(1, deadEnds(network().referral("c1", D.minusDays(90), "court", "cmht", Outcome.NO_RESPONSE)).deadEnds().value());
        assertEquals(0, deadEnds(network().referral("c1", D.minusDays(89), "court", "cmht", Outcome.NO_RESPONSE)).resolved().value());
    }

    @Test
    void declinedUnansweredAndWithdrawnAreLostAcceptedAndPendingAreNot() {
        for (Outcome outcome : Outcome.values()) {
            DeadEndsResult result = deadEnds(network().referral("c1", D.minusDays(100), "court", "cmht", outcome));
            assertEquals(1, result.resolved().value(), outcome.code());
            boolean lost = outcome == Outcome.DECLINED || outcome == Outcome.NO_RESPONSE || outcome == Outcome.WITHDRAWN;
            assertEquals(lost ? 1 : 0, result.deadEnds().value(), outcome.code());
        }
    }

    @Test
    void declinedThenAcceptedIsNotADeadEnd() {
        DeadEndsResult result = deadEnds(network()
                .referral("c1", D.minusDays(200), "court", "cmht", Outcome.DECLINED)
                .referral("c1", D.minusDays(150), "court", "drugs", Outcome.ACCEPTED));
        assertEquals(1, result.resolved().value());
        assertEquals(0, result.deadEnds().value());
    }

    @Test
    void acceptedThenDeclinedEndsOnTheDecline() {
        DeadEndsResult result = deadEnds(network()
                .referral("c1", D.minusDays(200), "court", "drugs", Outcome.ACCEPTED)
                .referral("c1", D.minusDays(150), "court", "cmht", Outcome.DECLINED));
        assertEquals(1, result.deadEnds().value());
    }

    @Test
    void aDeclineFollowedByARecentReferralIsNotResolved() {
        DeadEndsResult result = deadEnds(network()
                .referral("c1", D.minusDays(200), "court", "cmht", Outcome.DECLINED)
                .referral("c1", D.minusDays(10), "court", "drugs", Outcome.PENDING));
        assertEquals(0, result.resolved().value());
    }

    @Test
    void referralsOnTheSameDayAreOrderedById() {
        LocalDate day = D.minusDays(100);
        DeadEndsResult acceptedLast = deadEnds(network()
                .referral("r-a", "c1", day, "court", "cmht", Outcome.DECLINED)
                .referral("r-b", "c1", day, "court", "drugs", Outcome.ACCEPTED));
        DeadEndsResult declinedLast = deadEnds(network()
                .referral("r-b", "c1", day, "court", "cmht", Outcome.DECLINED)
                .referral("r-a", "c1", day, "court", "drugs", Outcome.ACCEPTED));
        assertEquals(0, acceptedLast.deadEnds().value());
        assertEquals(1, declinedLast.deadEnds().value());
    }

    @Test
    void referralsAfterTheDayAreIgnored() {
        NetworkSnapshot snapshot = network()
                .referral("c1", D.minusDays(100), "court", "cmht", Outcome.DECLINED)
                .referral("c1", D.plusDays(1), "court", "drugs", Outcome.ACCEPTED)
                .build();
        assertEquals(1, DeadEnds.compute(snapshot, null).deadEnds().value());
    }

    @Test
    void ratesPerBoroughPerHandOffAndWhereChainsEnd() {
        var b = network()
                .referral("c1", D.minusDays(100), "court", "cmht", Outcome.DECLINED)
                .caseIn("c2", "B1", "psychosis").referral("c2", D.minusDays(100), "court", "cmht", Outcome.NO_RESPONSE)
                .caseIn("c3", "B1", "psychosis").referral("c3", D.minusDays(100), "court", "drugs", Outcome.ACCEPTED)
                .caseIn("c4", "B1", "psychosis").referral("c4", D.minusDays(100), "court", "drugs", Outcome.WITHDRAWN)
                .caseIn("c5", "B1", "psychosis").referral("c5", D.minusDays(10), "court", "drugs", Outcome.DECLINED)
                .caseIn("s1", "B2", "psychosis").referral("s1", D.minusDays(100), "court-2", "cmht", Outcome.ACCEPTED);

        DeadEndsResult result = deadEnds(b);

        assertEquals(6, result.cases().value());
        assertEquals(5, result.resolved().value());
        assertEquals(3, result.deadEnds().value());
        assertEquals(List.of(
                new BoroughDeadEnds("B1", "Islington", n(5), n(4), n(3), rate(3, 4)),
                new BoroughDeadEnds("B2", "Sutton", n(1), n(1), n(0), rate(0, 1))), result.byBorough());
        assertEquals(List.of(
                new HandOffDeadEnds(Sector.CRIMINAL_JUSTICE, Sector.HEALTH, n(3), n(2), rate(2, 3)),
                new HandOffDeadEnds(Sector.CRIMINAL_JUSTICE, Sector.SUBSTANCE_MISUSE, n(2), n(1), rate(1, 2))), result.byHandOff());
        NetworkSnapshot snapshot = b.build();
        assertEquals(List.of(new DeadEndTarget(snapshot.node("cmht"), n(2)), new DeadEndTarget(snapshot.node("drugs"), n(1))),
                result.endpoints());
    }

    @Test
    void aBoroughFilterKeepsThatBoroughsCases() {
        var snapshot = network()
                .referral("c1", D.minusDays(100), "court", "cmht", Outcome.DECLINED)
                .caseIn("s1", "B2", "psychosis").referral("s1", D.minusDays(100), "court-2", "cmht", Outcome.ACCEPTED)
                .build();
        DeadEndsResult sutton = DeadEnds.compute(snapshot, "B2");
        assertEquals(1, sutton.cases().value());
        assertEquals(0, sutton.deadEnds().value());
        assertEquals(List.of("B2"), sutton.byBorough().stream().map(BoroughDeadEnds::boroughId).toList());
        assertThrows(IllegalArgumentException.class, () -> DeadEnds.compute(snapshot, "nowhere"));
    }

    @Test
    void theSharedDefinitionReadsTheChainsLastReferral() {
        NetworkSnapshot snapshot = network()
                .referral("c1", D.minusDays(120), "court", "drugs", Outcome.ACCEPTED)
                .referral("c1", D.minusDays(100), "court", "cmht", Outcome.DECLINED)
                .build();
        CaseChain chain = CaseChain.of(snapshot, null).get(0);
        assertEquals("cmht", chain.last().toId());
        assertTrue(DeadEnds.resolved(chain, D));
        assertTrue(DeadEnds.deadEnd(chain, D));
        assertFalse(DeadEnds.resolved(chain, D.minusDays(11)));
    }
}
