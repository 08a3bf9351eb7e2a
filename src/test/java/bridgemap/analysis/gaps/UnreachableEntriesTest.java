package bridgemap.analysis.gaps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import bridgemap.analysis.Snapshots;
import bridgemap.analysis.gaps.UnreachableEntriesResult.EntryReach;
import bridgemap.analysis.gaps.UnreachableEntriesResult.UnreachablePair;
import bridgemap.model.Outcome;
import bridgemap.model.Sector;
import bridgemap.model.SettingKind;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The court below reaches the trust's service in three hops (court – hmcts – trust – service) when the
 * courts and the trust are partners, and in four (court – hmcts – probation – trust – service) when the
 * courts only partner probation.
 */
class UnreachableEntriesTest {

    static final LocalDate D = LocalDate.of(2014, 6, 30);

    /** One court in Islington, run by hmcts; a trust with no service yet; one need in the vocabulary. */
    static Snapshots.Builder court() {
        return Snapshots.on(D)
                .needs("psychosis")
                .borough("B1", "Islington")
                .borough("B2", "Sutton")
                .agency("hmcts", Sector.CRIMINAL_JUSTICE)
                .agency("probation", Sector.CRIMINAL_JUSTICE)
                .agency("trust", Sector.HEALTH)
                .agency("together", Sector.VOLUNTARY)
                .setting("court", SettingKind.MAGISTRATES_COURT, "B1", "hmcts");
    }

    static List<String> unreachable(Snapshots.Builder b) {
        return UnreachableEntries.compute(b.build(), null).settings().get(0).unreachableNeeds();
    }

    @Test
    void refusesNull() {
        assertThrows(NullPointerException.class, () -> UnreachableEntries.compute(null, null));
    }

    @Test
    void emptySnapshotHasNoEntrySettings() {
        UnreachableEntriesResult result = UnreachableEntries.compute(Snapshots.on(D).build(), null);
        assertEquals(List.of(), result.settings());
        assertEquals(List.of(), result.unreachable());
    }

    @Test
    void aNeedNobodyAcceptsIsUnreachable() {
        assertEquals(List.of("psychosis"), unreachable(court()));
    }

    @Test
    void oneHopAReferralFromTheCourtToTheService() {
        var b = court().service("cmht", "trust", "B1", "psychosis", "")
                .caseIn("c1", "B1").referral("c1", D.minusDays(10), "court", "cmht", Outcome.DECLINED);
        assertEquals(List.of(), unreachable(b));
    }

    @Test
    void threeHopsThroughTheCourtServiceAndAPartnership() {
        var b = court().service("cmht", "trust", "B1", "psychosis", "").partnership("hmcts", "trust");
        assertEquals(List.of(), unreachable(b));
    }

    @Test
    void partnershipsWorkBothWays() {
        var b = court().service("cmht", "trust", "B1", "psychosis", "").partnership("trust", "hmcts");
        assertEquals(List.of(), unreachable(b));
    }

    @Test
    void fourHopsIsTooFar() {
        var b = court().service("cmht", "trust", "B1", "psychosis", "")
                .partnership("hmcts", "probation")
                .partnership("probation", "trust");
        assertEquals(List.of("psychosis"), unreachable(b));
    }

    @Test
    void aPartnershipNotActiveOnTheDayIsNoLink() {
        var b = court().service("cmht", "trust", "B1", "psychosis", "")
                .partnership("hmcts", "trust", Snapshots.between(null, D.minusDays(1)));
        assertEquals(List.of("psychosis"), unreachable(b));
    }

    @Test
    void referralEdgesOnlyGoForward() {
        // trust → hmcts would make court – hmcts – trust – cmht three hops if it could be walked backwards
        var b = court().service("cmht", "trust", "B1", "psychosis", "")
                .caseIn("c1", "B1").referral("c1", D.minusDays(10), "trust", "hmcts", Outcome.ACCEPTED);
        assertEquals(List.of("psychosis"), unreachable(b));
    }

    @Test
    void aPractitionerPlacedAtTheCourtBringsTheServicesTheyReferTo() {
        var b = court().service("cmht", "trust", "B1", "psychosis", "")
                .practitioner("fmhp-1", "together", 1.0)
                .placement("fmhp-1", "court")
                .caseIn("c1", "B1").referral("c1", D.minusDays(10), "fmhp-1", "cmht", Outcome.ACCEPTED);
        assertEquals(List.of(), unreachable(b));
    }

    @Test
    void aPlacementThatEndedIsNoLink() {
        var b = court().service("cmht", "trust", "B1", "psychosis", "")
                .practitioner("fmhp-1", "together", 1.0)
                .placement("fmhp-1", "court", Snapshots.between(null, D.minusDays(1)))
                .caseIn("c1", "B1").referral("c1", D.minusDays(10), "fmhp-1", "cmht", Outcome.ACCEPTED);
        assertEquals(List.of("psychosis"), unreachable(b));
    }

    @Test
    void aServiceThatServesAnotherBoroughDoesNotCount() {
        var b = court().service("cmht-sutton", "trust", "B2", "psychosis", "").partnership("hmcts", "trust");
        assertEquals(List.of("psychosis"), unreachable(b));
    }

    @Test
    void anInactiveServiceDoesNotCount() {
        var b = court().service("cmht", "trust", "B1", "psychosis", "", Snapshots.between(null, D.minusDays(1)))
                .partnership("hmcts", "trust");
        assertEquals(List.of("psychosis"), unreachable(b));
    }

    @Test
    void aServiceThatDoesNotAcceptTheNeedDoesNotCount() {
        var b = court().needs("personality_disorder")
                .service("cmht", "trust", "B1", "psychosis", "personality_disorder")
                .partnership("hmcts", "trust");
        UnreachableEntriesResult result = UnreachableEntries.compute(b.build(), null);
        assertEquals(List.of(new EntryReach(b.build().node("court"), "Islington", 2, 1, List.of("personality_disorder"))),
                result.settings());
        assertEquals(List.of(new UnreachablePair(b.build().node("court"), "personality_disorder")), result.unreachable());
    }

    @Test
    void onlyEntrySettingsAreTriedAndAFilterPicksTheBoroughsOnes() {
        var b = court()
                .setting("custody", SettingKind.POLICE_CUSTODY, "B2", "hmcts")
                .setting("crown", SettingKind.CROWN_COURT, "B2", "hmcts")
                .setting("office", SettingKind.PROBATION_OFFICE, "B1", "probation")
                .setting("prison", SettingKind.PRISON, "B1", "hmcts")
                .service("cmht", "trust", "B1", "psychosis", "")
                .partnership("hmcts", "trust");
        var snapshot = b.build();

        List<EntryReach> all = UnreachableEntries.compute(snapshot, null).settings();
        List<EntryReach> sutton = UnreachableEntries.compute(snapshot, "B2").settings();

        assertEquals(List.of("crown", "custody", "court"), all.stream().map(r -> r.setting().id()).toList(),
                "Sutton's two settings reach no Sutton service; Islington's court reaches its own");
        assertEquals(all.subList(0, 2), sutton);
        assertEquals(List.of(), UnreachableEntries.compute(snapshot, "B1").unreachable());
        assertThrows(IllegalArgumentException.class, () -> UnreachableEntries.compute(snapshot, "nowhere"));
    }
}
