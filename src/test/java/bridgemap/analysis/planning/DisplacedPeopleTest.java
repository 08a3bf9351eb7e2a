package bridgemap.analysis.planning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bridgemap.analysis.Snapshots;
import bridgemap.analysis.gaps.GapsAnalysis;
import bridgemap.graph.ReferralGraph;
import bridgemap.model.NetworkSnapshot;
import bridgemap.model.Outcome;
import bridgemap.model.Referral;
import bridgemap.model.Scenario;
import bridgemap.model.Sector;
import bridgemap.model.Service;
import bridgemap.model.SettingKind;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 14: people whose practitioner disappears do not disappear. Haringey, as of D: a Crown Court and a custody
 * suite, each with an FMHP that NHS England alone pays for; the court also refers straight to the community mental
 * health team (which takes psychosis and refuses substance misuse), the custody suite does not.
 */
class DisplacedPeopleTest {

    static final LocalDate D = LocalDate.of(2014, 6, 30);
    static final String HARINGEY = "E09000014";
    static final String ISLINGTON = "E09000019";

    static NetworkSnapshot haringey() {
        return Snapshots.on(D)
                .borough(HARINGEY, "Haringey").borough(ISLINGTON, "Islington")
                .agency("hmcts", Sector.CRIMINAL_JUSTICE).agency("mps", Sector.CRIMINAL_JUSTICE)
                .agency("together", Sector.VOLUNTARY).agency("trust", Sector.HEALTH).agency("dda", Sector.HEALTH)
                .setting("court", "Wood Green Crown Court", SettingKind.CROWN_COURT, HARINGEY, "hmcts")
                .setting("custody", "Tottenham police custody suite", SettingKind.POLICE_CUSTODY, HARINGEY, "mps")
                .service("cmht", "trust", HARINGEY, "psychosis", "substance_misuse")
                .service("drugs", "dda", HARINGEY, "substance_misuse", "psychosis")
                .practitioner("fmhp-court", "together", 1.0).placement("fmhp-court", "court")
                .practitioner("fmhp-custody", "together", 1.0).placement("fmhp-custody", "custody")
                .funder("nhse").funding("nhse", "fmhp-court", 40000).funding("nhse", "fmhp-custody", 40000)
                // c1 falls between two stools (psychosis + substance misuse); the CMHT turned them down.
                .caseIn("c1", HARINGEY, "psychosis", "substance_misuse")
                .referral("c1", D.minusDays(200), "court", "fmhp-court", Outcome.ACCEPTED)
                .referral("c1", D.minusDays(190), "fmhp-court", "cmht", Outcome.DECLINED)
                .caseIn("c2", HARINGEY, "psychosis")
                .referral("c2", D.minusDays(150), "court", "fmhp-court", Outcome.ACCEPTED)
                .referral("c2", D.minusDays(140), "fmhp-court", "cmht", Outcome.ACCEPTED)
                // c3 went from the court to the CMHT directly: nobody displaced, and the court keeps a route to health.
                .caseIn("c3", HARINGEY, "psychosis")
                .referral("c3", D.minusDays(100), "court", "cmht", Outcome.ACCEPTED)
                .caseIn("c4", HARINGEY, "psychosis")
                .referral("c4", D.minusDays(300), "custody", "fmhp-custody", Outcome.ACCEPTED)
                .referral("c4", D.minusDays(290), "fmhp-custody", "cmht", Outcome.ACCEPTED)
                .caseIn("c5", HARINGEY, "psychosis")
                .referral("c5", D.minusDays(120), "court", "fmhp-court", Outcome.ACCEPTED)
                // c6's chain in the window starts with the FMHP: they came in at the court, where the FMHP works.
                .caseIn("c6", HARINGEY, "psychosis")
                .referral("c6", D.minusDays(130), "fmhp-court", "cmht", Outcome.ACCEPTED)
                .build();
    }

    private static Scenario withdraw(String funder) {
        return new Scenario("nhse-withdraws", null, List.of(new Scenario.WithdrawFunder(funder)));
    }

    /** Regression (issue 14): withdrawing the only funder turned "people between two stools" 1 → 0. */
    @Test
    void testIssue14WithdrawingTheOnlyFunderKeepsThePersonBetweenTwoStools() {
        WhatIfResult result = WhatIf.compare(haringey(), withdraw("nhse"), null);
        assertEquals(1, result.before().peopleBetweenTwoStools());
        assertEquals(1, result.after().peopleBetweenTwoStools());
        assertEquals(result.gapsBefore().deadEnds().cases(), result.gapsAfter().deadEnds().cases(), "nobody leaves scope");
    }

    @Test
    void eachDisplacedReferralStaysAtTheEntrySettingUnanswered() {
        NetworkSnapshot before = haringey();
        ScenarioApplication.Applied applied = ScenarioApplication.apply(before, withdraw("nhse"));
        assertEquals(Map.of("c1", "court", "c2", "court", "c4", "custody", "c5", "court", "c6", "court"), applied.entries());
        assertEquals(List.of("fmhp-court", "fmhp-custody"), List.copyOf(applied.removedPractitioners()));
        List<Referral> was = before.referrals();
        List<Referral> now = applied.after().referrals();
        assertEquals(was.size(), now.size());
        for (int i = 0; i < was.size(); i++) {
            Referral a = was.get(i);
            Referral b = now.get(i);
            assertEquals(a.id(), b.id());
            assertEquals(a.date(), b.date());
            assertEquals(a.caseId(), b.caseId());
            if (a.caseId().equals("c3")) {
                assertEquals(a, b, "a referral that touches nothing removed stays as it was");
            } else {
                String entry = applied.entries().get(a.caseId());
                assertEquals(List.of(entry, entry, Outcome.NO_RESPONSE, "displaced"),
                        List.of(b.fromId(), b.toId(), b.outcome(), b.reason()), a.id());
            }
        }
        assertEquals(before.cases(), applied.after().cases());
        // A referral from a node to itself is no hand-off: the referral graph leaves it out.
        ReferralGraph graph = ReferralGraph.of(applied.after());
        assertEquals(2, graph.size(), "only c3's court → CMHT is a hand-off now");
        assertEquals(1, graph.graph().edgeSet().size());
    }

    @Test
    void displacedPeopleAreCountedWhereTheyCameInWithWhetherAnythingElseTakesThemTowardsHealth() {
        WhatIfResult result = WhatIf.compare(haringey(), withdraw("nhse"), null);
        DisplacedResult d = result.displaced();
        assertEquals(5, d.people().value());
        assertEquals(1, d.withoutRoute().value(), "c4: nothing takes anyone from the custody suite to health any more");
        assertEquals(List.of("Wood Green Crown Court 4 0", "Tottenham police custody suite 1 1"),
                d.byEntry().stream().map(g -> g.name() + " " + g.people() + " " + g.withoutRoute()).toList());
        assertEquals("Haringey", d.byEntry().get(0).boroughName());
        assertEquals(List.of("Haringey 5 1"), d.byBorough().stream().map(g -> g.name() + " " + g.people() + " " + g.withoutRoute()).toList());
        assertEquals(List.of("psychosis 5 1", "substance_misuse 1 0"),
                d.byNeed().stream().map(g -> g.name() + " " + g.people() + " " + g.withoutRoute()).toList());
        assertEquals("5 people were seen by posts that end: 4 at Wood Green Crown Court, 1 at Tottenham police custody suite; "
                + "1 of them has no other route to health.", d.sentence());
        assertEquals(5, result.after().displacedPeople());
        assertEquals(1, result.after().displacedWithoutRoute());
        assertEquals(0, result.before().displacedPeople());

        // Dead ends: before only c1 (declined); after, every displaced person whose last referral was displaced.
        assertEquals(1, result.before().deadEnds());
        assertEquals(5, result.after().deadEnds(), "c1, c2, c4, c5, c6");
        assertEquals(6, result.after().resolvedCases());
        assertEquals(5.0 / 6, result.after().deadEndRate(), 1e-12);
    }

    /**
     * The CMHT accepted c2's, c3's, c4's and c6's referrals (4 a year); after, only c3's remains, and c1, c2, c5 and c6
     * — displaced at the court, which still refers to it — are likely to arrive there: 1 + 4 = 5 a year.
     */
    @Test
    void thePressureMovesOntoTheServicesThatRemain() {
        NetworkSnapshot before = haringey();
        List<Service> services = before.services().stream().map(s -> s.id().equals("cmht")
                ? new Service(s.id(), s.name(), s.agencyId(), s.boroughIds(), s.accepts(), s.excludes(), 0, 6.0, s.period(), null)
                : s).toList();
        before = new NetworkSnapshot(before.asOf(), before.boroughs(), before.needs(), before.nodes(), before.settings(), services,
                before.practitioners(), before.placements(), before.funders(), before.funding(), before.partnerships(),
                before.cases(), before.referrals());
        List<DisplacedResult.ServiceLoad> pressure = WhatIf.compare(before, withdraw("nhse"), null).displaced().pressure();
        assertEquals(1, pressure.size(), pressure::toString);
        DisplacedResult.ServiceLoad cmht = pressure.get(0);
        assertEquals("cmht", cmht.service().id());
        assertEquals(List.of(4L, 1L, 4L), List.of(cmht.acceptedBefore().value(), cmht.acceptedAfter().value(), cmht.arriving().value()));
        assertEquals(4.0 / 12, cmht.perMonthBefore(), 1e-12);
        assertEquals(5.0 / 12, cmht.perMonthAfter(), 1e-12);
        assertTrue(cmht.overCapacity());
        assertEquals("cmht: 0.3 → 0.4 accepted referrals a month against a capacity of 0 (over capacity already); wait 6 weeks. "
                + "3 a year came through posts that end; 4 displaced people a year are likely to come here another way.",
                cmht.sentence());
    }

    @Test
    void aClosedSettingStaysAsThePlaceItsPeopleArriveAtWithNothingReachable() {
        NetworkSnapshot before = haringey();
        Scenario close = new Scenario("close", null, List.of(new Scenario.CloseSetting("custody")));
        ScenarioApplication.Applied applied = ScenarioApplication.apply(before, close);
        var custody = applied.after().settings().stream().filter(s -> s.id().equals("custody")).findFirst().orElseThrow();
        assertEquals("Tottenham police custody suite (closed)", custody.name());
        assertNull(custody.runById());
        assertEquals("Tottenham police custody suite (closed)", applied.after().node("custody").name());
        assertEquals(Map.of("c4", "custody"), applied.entries());
        var gaps = GapsAnalysis.compute(applied.after(), null).unreachableEntries();
        var row = gaps.settings().stream().filter(r -> r.setting().id().equals("custody")).findFirst().orElseThrow();
        assertEquals(row.needs(), row.unreachableCount(), "nothing is reachable from a closed setting");
        WhatIfResult result = WhatIf.compare(before, close, null);
        assertEquals("1 person came through settings that close: 1 at Tottenham police custody suite (closed); "
                + "they have no other route to health.", result.displaced().sentence());
        // A post cannot go where a setting closed earlier in the scenario.
        var post = new Scenario.AddPost(null, "custody", null, 1.0, null, "together", null, null, null, null, null);
        var e = org.junit.jupiter.api.Assertions.assertThrows(ScenarioException.class, () -> ScenarioApplication.apply(before,
                new Scenario("x", null, List.of(new Scenario.CloseSetting("custody"), post))));
        assertEquals(List.of("changes[1].setting: \"custody\" is closed by an earlier change"), e.problems());
    }

    @Test
    void aBoroughFilterCountsThatBoroughsPeopleOnly() {
        WhatIfResult result = WhatIf.compare(haringey(), withdraw("nhse"), HARINGEY);
        assertEquals(5, result.displaced().people().value());
        WhatIfResult islington = WhatIf.compare(haringey(), withdraw("nhse"), ISLINGTON);
        assertEquals(0, islington.displaced().people().value());
        assertEquals("Nobody is displaced: nobody in the year was seen by posts that end.", islington.displaced().sentence());
        assertTrue(islington.displaced().pressure().isEmpty(), "Haringey's people are not Islington's pressure");
    }

    @Test
    void nobodyIsDisplacedWhenOnlyAPartnershipEnds() {
        NetworkSnapshot snapshot = Snapshots.on(D).borough(HARINGEY, "Haringey")
                .agency("a", Sector.VOLUNTARY).agency("b", Sector.HEALTH).partnership("a", "b").build();
        WhatIfResult result = WhatIf.compare(snapshot, new Scenario("p", null,
                List.of(new Scenario.RemovePartnership("a", "b", null))), null);
        assertEquals(0, result.displaced().people().value());
        assertEquals("Nobody is displaced: no post ends and no setting closes.", result.displaced().sentence());
        assertTrue(result.displaced().pressure().isEmpty());
    }
}
