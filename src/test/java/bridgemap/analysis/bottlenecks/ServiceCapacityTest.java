package bridgemap.analysis.bottlenecks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bridgemap.analysis.DemoSnapshots;
import bridgemap.analysis.Snapshots;
import bridgemap.analysis.bottlenecks.BottlenecksResult.Capacity;
import bridgemap.analysis.bottlenecks.BottlenecksResult.ServiceLoad;
import bridgemap.model.Outcome;
import bridgemap.model.Period;
import bridgemap.model.Sector;
import bridgemap.model.SettingKind;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Issue 14, item 5: services whose accepted referrals exceed their capacity, or whose wait is long, as bottlenecks. */
class ServiceCapacityTest {

    private static final LocalDate D = LocalDate.of(2014, 6, 30);

    /** One borough, a court and a probation office, and a service stating {@code capacity} a month and {@code wait} weeks. */
    private static Snapshots.Builder lambeth(Integer capacity, Double wait) {
        return Snapshots.on(D)
                .borough("B1", "Lambeth")
                .borough("B2", "Southwark")
                .agency("hmcts", Sector.CRIMINAL_JUSTICE)
                .agency("trust", Sector.HEALTH)
                .setting("court", "Camberwell Green Magistrates' Court", SettingKind.MAGISTRATES_COURT, "B2", "hmcts")
                .setting("office", "Lambeth probation office", SettingKind.PROBATION_OFFICE, "B1", "hmcts")
                .service("cmht", "trust", "B1", "psychosis", "", capacity, wait, Period.ALWAYS);
    }

    /** {@code n} people, each referred from {@code from} to the service on a different day of the window, accepted. */
    private static Snapshots.Builder accepted(Snapshots.Builder b, String prefix, String from, int n) {
        for (int i = 0; i < n; i++) {
            b.caseIn(prefix + i, "B1", "psychosis").referral(prefix + i, D.minusDays(1 + i), from, "cmht", Outcome.ACCEPTED);
        }
        return b;
    }

    private static ServiceLoad only(Capacity capacity) {
        assertEquals(1, capacity.services().size(), capacity.toString());
        return capacity.services().get(0);
    }

    @Test
    void anEmptySnapshotHasNoServices() {
        Capacity capacity = ServiceCapacity.compute(Snapshots.on(D).build(), null);
        assertEquals(List.of(), capacity.services());
        assertEquals(18, capacity.longWait().waitWeeks());
        assertTrue(capacity.longWait().standard().contains("NHS Constitution"));
    }

    @Test
    void aServiceThatStatesNeitherCapacityNorWaitIsNotListed() {
        assertEquals(List.of(), ServiceCapacity.compute(lambeth(null, null).build(), null).services());
    }

    @Test
    void aServiceWithNoReferralsCarriesNoLoad() {
        ServiceLoad cmht = only(ServiceCapacity.compute(lambeth(10, 4.0).build(), null));
        assertEquals(0, cmht.accepted().value());
        assertEquals(0.0, cmht.load().value());
        assertFalse(cmht.overCapacity());
        assertFalse(cmht.longWait());
        assertEquals(List.of(), cmht.queue());
    }

    @Test
    void thirteenAcceptedInAYearIsOverACapacityOfOneAMonth() {
        var b = accepted(lambeth(1, 4.0), "c", "office", 13);
        b.caseIn("d", "B1", "psychosis").referral("d", D.minusDays(30), "office", "cmht", Outcome.DECLINED);

        ServiceLoad cmht = only(ServiceCapacity.compute(b.build(), null));

        assertEquals(13, cmht.accepted().value(), "declined referrals take no place");
        assertEquals(13 / 12.0, cmht.acceptedPerMonth().value(), 1e-9);
        assertEquals(13 / 12.0, cmht.load().value(), 1e-9);
        assertTrue(cmht.overCapacity());
        assertEquals(1, cmht.queue().size());
        assertEquals("office", cmht.queue().get(0).entry().id());
        assertEquals("Lambeth", cmht.queue().get(0).boroughName());
        assertEquals(13, cmht.queue().get(0).people().value());
    }

    @Test
    void twelveAcceptedInAYearIsExactlyACapacityOfOneAMonthAndNotOver() {
        ServiceLoad cmht = only(ServiceCapacity.compute(accepted(lambeth(1, null), "c", "office", 12).build(), null));
        assertEquals(1.0, cmht.load().value(), 1e-9);
        assertFalse(cmht.overCapacity());
        assertEquals(List.of(), cmht.queue(), "the queue is shown for bottlenecks only");
    }

    @Test
    void aServiceOpenedInTheWindowIsMeasuredOverTheMonthsItWasOpen() {
        var b = Snapshots.on(D).borough("B1", "Lambeth").agency("hmcts", Sector.CRIMINAL_JUSTICE).agency("trust", Sector.HEALTH)
                .setting("office", SettingKind.PROBATION_OFFICE, "B1", "hmcts")
                .service("new", "trust", "B1", "psychosis", "", 2, null, new Period(D.minusDays(90), null));
        for (int i = 0; i < 7; i++) {
            b.caseIn("c" + i, "B1", "psychosis").referral("c" + i, D.minusDays(i), "office", "new", Outcome.ACCEPTED);
        }
        ServiceLoad service = only(ServiceCapacity.compute(b.build(), null));
        double months = 91 * 12.0 / 365;
        assertEquals(7 / months, service.acceptedPerMonth().value(), 1e-9, "91 days open: 3 months, not 12");
        assertTrue(service.overCapacity(), "7 in three months is over 2 a month");
    }

    @Test
    void aWaitOfMoreThanEighteenWeeksIsLong() {
        assertFalse(only(ServiceCapacity.compute(lambeth(null, 18.0).build(), null)).longWait(), "18 weeks meets the standard");
        ServiceLoad waiting = only(ServiceCapacity.compute(accepted(lambeth(null, 18.5), "c", "court", 2).build(), null));
        assertTrue(waiting.longWait());
        assertNull(waiting.load(), "no capacity stated");
        assertFalse(waiting.overCapacity());
        assertEquals("court", waiting.queue().get(0).entry().id(), "a long wait shows where its people came from");
    }

    @Test
    void aCapacityOfNoneIsExceededByOnePerson() {
        ServiceLoad cmht = only(ServiceCapacity.compute(accepted(lambeth(0, null), "c", "office", 1).build(), null));
        assertTrue(cmht.overCapacity());
        assertNull(cmht.load(), "no load over a capacity of 0");
    }

    @Test
    void theQueueNamesTheLastCriminalJusticeSettingBeforeTheAcceptedReferral() {
        var b = lambeth(1, null).agency("together", Sector.VOLUNTARY).practitioner("fmhp", "together", 1.0);
        for (int i = 0; i < 10; i++) { // court, then probation office, then an FMHP refers on: the office queued them
            b.caseIn("c" + i, "B1", "psychosis")
                    .referral("c" + i, D.minusDays(60 + i), "court", "office", Outcome.ACCEPTED)
                    .referral("c" + i, D.minusDays(50 + i), "office", "fmhp", Outcome.ACCEPTED)
                    .referral("c" + i, D.minusDays(40 + i), "fmhp", "cmht", Outcome.ACCEPTED);
        }
        b.caseIn("x", "B1", "psychosis").referral("x", D.minusDays(5), "fmhp", "cmht", Outcome.ACCEPTED)
                .caseIn("y", "B1", "psychosis").referral("y", D.minusDays(5), "fmhp", "cmht", Outcome.ACCEPTED)
                .caseIn("z", "B1", "psychosis").referral("z", D.minusDays(5), "court", "cmht", Outcome.ACCEPTED);

        ServiceLoad cmht = only(ServiceCapacity.compute(b.build(), null));

        assertTrue(cmht.overCapacity(), "13 accepted in the year");
        assertEquals(List.of("office", "none", "court"), cmht.queue().stream()
                .map(q -> q.entry() == null ? "none" : q.entry().id()).toList(), "most people first");
        assertEquals(List.of(10L, 2L, 1L), cmht.queue().stream().map(q -> q.people().value()).toList());
    }

    @Test
    void overCapacityComesFirstThenLongWaitsThenTheRest() {
        var b = accepted(lambeth(100, 2.0), "c", "office", 24)
                .service("full", "trust", "B1", "psychosis", "", 1, 2.0, Period.ALWAYS)
                .service("slow", "trust", "B1", "psychosis", "", 200, 26.0, Period.ALWAYS);
        for (int i = 0; i < 24; i++) {
            b.referral("c" + i, D.minusDays(100 + i), "office", "full", Outcome.ACCEPTED);
        }
        List<ServiceLoad> services = ServiceCapacity.compute(b.build(), null).services();
        assertEquals(List.of("full", "slow", "cmht"), services.stream().map(s -> s.service().id()).toList());
    }

    @Test
    void aBoroughFilterKeepsTheServicesServingItAndCountsEveryBoroughsReferrals() {
        var b = accepted(lambeth(1, null), "c", "office", 13).service("other", "trust", "B2", "psychosis", "", 5, null, Period.ALWAYS);
        b.caseIn("s1", "B2", "psychosis").referral("s1", D.minusDays(3), "court", "cmht", Outcome.ACCEPTED);
        var snapshot = b.build();

        ServiceLoad lambeth = only(ServiceCapacity.compute(snapshot, "B1"));
        assertEquals("cmht", lambeth.service().id());
        assertEquals(14, lambeth.accepted().value(), "its capacity is the whole service's");
        assertEquals(List.of("other"), ServiceCapacity.compute(snapshot, "B2").services().stream()
                .map(s -> s.service().id()).toList());
    }

    @Test
    void theBottlenecksCarryTheCapacityAndRefuseAnUnknownBorough() {
        var snapshot = accepted(lambeth(1, null), "c", "office", 13).build();
        assertEquals(ServiceCapacity.compute(snapshot, null), BottleneckAnalysis.compute(snapshot, null).capacity());
        assertThrows(IllegalArgumentException.class, () -> BottleneckAnalysis.compute(snapshot, "E09000099"));
    }

    /** The London demo's capacities are whole services' while its referrals are the criminal-justice pathway's. */
    @Test
    void noServiceOfTheLondonDemoIsOverCapacityOrWaitsLongInMid2014() {
        Capacity capacity = ServiceCapacity.compute(DemoSnapshots.asOf(D), null);
        assertEquals(List.of(), capacity.services().stream().filter(ServiceLoad::overCapacity).toList());
        assertEquals(List.of(), capacity.services().stream().filter(ServiceLoad::longWait).toList());
        assertEquals(132, capacity.services().stream().filter(s -> s.capacityPerMonth() != null).count());
        ServiceLoad fullest = capacity.services().get(0);
        assertEquals("svc-dd-lambeth", fullest.service().id());
        assertEquals(27, fullest.accepted().value());
        assertEquals(27 / 12.0 / 12, fullest.load().value(), 1e-9);
    }
}
