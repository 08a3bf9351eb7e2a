package bridgemap.analysis.failure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bridgemap.analysis.DemoSnapshots;
import bridgemap.analysis.Snapshots;
import bridgemap.analysis.bottlenecks.BottleneckAnalysis;
import bridgemap.analysis.coverage.CoverageAnalysis;
import bridgemap.analysis.failure.PointsOfFailureResult.PointOfFailure;
import bridgemap.analysis.failure.PointsOfFailureResult.Reason;
import bridgemap.model.NetworkSnapshot;
import bridgemap.model.Outcome;
import bridgemap.model.Sector;
import bridgemap.model.SettingKind;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PointsOfFailureTest {

    private static final LocalDate D = LocalDate.of(2014, 6, 30);

    private static PointsOfFailureResult compute(NetworkSnapshot snapshot, String borough) {
        return PointsOfFailure.compute(snapshot, borough, CoverageAnalysis.compute(snapshot, borough));
    }

    private static List<String> codes(PointOfFailure point) {
        return point.reasons().stream().map(Reason::code).toList();
    }

    private static PointOfFailure point(PointsOfFailureResult result, String id) {
        return result.points().stream().filter(p -> p.id().equals(id)).findFirst().orElseThrow(() -> new AssertionError(id
                + " is not a point of failure: " + result.points().stream().map(PointOfFailure::id).toList()));
    }

    /** A borough with a probation office, an FMHP placed there and paid by one funder, and a mental-health team. */
    private static Snapshots.Builder lambeth() {
        return Snapshots.on(D)
                .borough("B1", "Lambeth")
                .agency("probation", Sector.CRIMINAL_JUSTICE)
                .agency("together", Sector.VOLUNTARY)
                .agency("trust", Sector.HEALTH)
                .setting("office", "Lambeth probation office", SettingKind.PROBATION_OFFICE, "B1", "probation")
                .service("cmht", "trust", "B1", "psychosis", "")
                .practitioner("fmhp", "together", 1.0).placement("fmhp", "office")
                .funder("lpt").funding("lpt", "fmhp", 40_000);
    }

    /** Three people the FMHP takes from the office to health, one the office refers there itself. */
    private static Snapshots.Builder lambethWithReferrals() {
        var b = lambeth();
        for (int i = 0; i < 3; i++) {
            b.caseIn("c" + i, "B1", "psychosis")
                    .referral("c" + i, D.minusDays(40 + i), "office", "fmhp", Outcome.ACCEPTED)
                    .referral("c" + i, D.minusDays(30 + i), "fmhp", "cmht", Outcome.ACCEPTED);
        }
        return b.caseIn("d", "B1", "psychosis").referral("d", D.minusDays(20), "office", "cmht", Outcome.ACCEPTED);
    }

    @Test
    void refusesNullAnUnknownBoroughAndCoverageOfAnotherDayOrBorough() {
        NetworkSnapshot snapshot = lambeth().build();
        var coverage = CoverageAnalysis.compute(snapshot, null);
        assertThrows(NullPointerException.class, () -> PointsOfFailure.compute(null, null, coverage));
        assertThrows(NullPointerException.class, () -> PointsOfFailure.compute(snapshot, null, null));
        assertThrows(IllegalArgumentException.class, () -> PointsOfFailure.compute(snapshot, "E09000099", coverage));
        assertThrows(IllegalArgumentException.class, () -> PointsOfFailure.compute(snapshot, "B1", coverage));
        var earlier = CoverageAnalysis.compute(Snapshots.project(lambeth().bundle(), D.minusDays(1)), null);
        assertThrows(IllegalArgumentException.class, () -> PointsOfFailure.compute(snapshot, null, earlier));
    }

    @Test
    void anEmptySnapshotHasNoPointsOfFailure() {
        PointsOfFailureResult result = compute(Snapshots.on(D).build(), null);
        assertEquals(D, result.asOf());
        assertEquals(List.of(), result.points());
    }

    @Test
    void aSettingNobodyCoversAndNobodyReferredFromIsNoPointOfFailure() {
        var snapshot = Snapshots.on(D).borough("B1", "Lambeth").agency("probation", Sector.CRIMINAL_JUSTICE)
                .setting("office", SettingKind.PROBATION_OFFICE, "B1", "probation").build();
        assertEquals(List.of(), compute(snapshot, null).points());
    }

    @Test
    void theOnlyPractitionerAndTheOnlyFunderOfAPlaceArePointsOfFailureWithoutAnyReferral() {
        PointsOfFailureResult result = compute(lambeth().build(), null);

        assertEquals(List.of("fmhp", "lpt"), result.points().stream().map(PointOfFailure::id).toList(),
                "as many people and reasons: by name");
        PointOfFailure fmhp = result.points().get(0);
        assertEquals("practitioner", fmhp.type());
        assertEquals(List.of("only_practitioner"), codes(fmhp), "not in the referral network: no word on its shape");
        assertEquals("the only practitioner at Lambeth probation office", fmhp.reasons().get(0).words());
        assertEquals("N−1 practitioner loss", fmhp.reasons().get(0).term());
        PointOfFailure lpt = result.points().get(1);
        assertEquals("funder", lpt.type());
        assertNull(lpt.node());
        assertEquals("its withdrawal would leave Lambeth probation office with no practitioner", lpt.reasons().get(0).words());
        assertEquals(0, fmhp.people().value());
    }

    /** Issue 14, item 6: the shape of the network says nothing, cover and flow say a great deal — one answer says both. */
    @Test
    void aPractitionerWhoIsNoCutVertexIsListedOnceWithCoverFlowAndStructure() {
        PointsOfFailureResult result = compute(lambethWithReferrals().build(), null);
        assertTrue(BottleneckAnalysis.compute(lambethWithReferrals().build(), null).nodes().stream()
                .noneMatch(m -> m.articulationPoint()), "office, FMHP and team form a triangle");

        PointOfFailure fmhp = point(result, "fmhp");
        assertEquals(List.of("only_practitioner", "main_broker", "not_cut_vertex"), codes(fmhp));
        Reason flow = fmhp.reasons().get(1);
        assertEquals(PointsOfFailureResult.FLOW, flow.measure());
        assertEquals("carries {share} of its people to health", flow.words(), "its: the office named just before");
        assertEquals(3, flow.share().numerator().value());
        assertEquals(4, flow.share().denominator().value());
        assertEquals("the referral network stays in one piece without it", fmhp.reasons().get(2).words());
        assertEquals(4, fmhp.people().value(), "everyone seen at the office it alone covers");
        assertEquals(4, point(result, "lpt").people().value());
        assertEquals(1, result.points().stream().filter(p -> p.id().equals("fmhp")).count());
    }

    @Test
    void aBrokerWhoCarriesHalfOrLessIsNoMainBroker() {
        var b = lambeth();
        for (int i = 0; i < 2; i++) {
            b.caseIn("c" + i, "B1", "psychosis")
                    .referral("c" + i, D.minusDays(40 + i), "office", "fmhp", Outcome.ACCEPTED)
                    .referral("c" + i, D.minusDays(30 + i), "fmhp", "cmht", Outcome.ACCEPTED);
            b.caseIn("d" + i, "B1", "psychosis").referral("d" + i, D.minusDays(20), "office", "cmht", Outcome.ACCEPTED);
        }
        assertEquals(List.of("only_practitioner", "not_cut_vertex"), codes(point(compute(b.build(), null), "fmhp")));
    }

    @Test
    void aSoleBridgeIsACutVertexAndTheBrokerCutToo() {
        var b = Snapshots.on(D).borough("B1", "Lambeth")
                .agency("hmcts", Sector.CRIMINAL_JUSTICE).agency("together", Sector.VOLUNTARY).agency("trust", Sector.HEALTH)
                .setting("court", "Camberwell Green Magistrates' Court", SettingKind.MAGISTRATES_COURT, "B1", "hmcts")
                .service("cmht", "trust", "B1", "psychosis", "")
                .practitioner("fmhp", "together", 1.0);
        for (int i = 0; i < 3; i++) {
            b.caseIn("c" + i, "B1", "psychosis")
                    .referral("c" + i, D.minusDays(40 + i), "court", "fmhp", Outcome.ACCEPTED)
                    .referral("c" + i, D.minusDays(30 + i), "fmhp", "cmht", Outcome.ACCEPTED);
        }
        b.caseIn("x", "B1", "psychosis").referral("x", D.minusDays(10), "court", "fmhp", Outcome.DECLINED);

        PointsOfFailureResult result = compute(b.build(), null);

        assertEquals(List.of("fmhp"), result.points().stream().map(PointOfFailure::id).toList());
        PointOfFailure fmhp = result.points().get(0);
        assertEquals(List.of("main_broker", "sole_bridge", "broker_cut", "cut_vertex"), codes(fmhp), "not placed: no cover");
        assertEquals("carries {share} of Camberwell Green Magistrates' Court's people to health", fmhp.reasons().get(0).words());
        assertEquals(1.0, fmhp.reasons().get(0).share().value());
        assertEquals("every referral route from Camberwell Green Magistrates' Court to health passes through it",
                fmhp.reasons().get(1).words());
        Reason cut = fmhp.reasons().get(3);
        assertEquals("cut vertex", cut.term());
        assertEquals("without it, cmht has no referral link to the rest of the network", cut.words(),
                "court and team are pieces of one node each: the court, met first, stays");
        assertEquals(List.of("cmht"), cut.nodes().stream().map(n -> n.id()).toList());
        assertEquals(3, fmhp.people().value(), "the three it took to health; the declined fourth reached nothing");
    }

    @Test
    void aBoroughFilterCountsThatBoroughsPeopleOnly() {
        var b = lambethWithReferrals().borough("B2", "Southwark");
        b.caseIn("s", "B2", "psychosis").referral("s", D.minusDays(5), "office", "cmht", Outcome.ACCEPTED);
        NetworkSnapshot snapshot = b.build();
        assertEquals(5, point(compute(snapshot, null), "fmhp").people().value());
        assertEquals(4, point(compute(snapshot, "B1"), "fmhp").people().value());
        assertEquals(List.of(), compute(snapshot, "B2").points(), "Southwark has no place of its own and no cut vertex");
    }

    @Test
    void pointsComeMostPeopleFirst() {
        var b = lambethWithReferrals()
                .setting("custody", "Brixton police custody suite", SettingKind.POLICE_CUSTODY, "B1", "probation")
                .practitioner("other", "together", 1.0).placement("other", "custody");
        List<String> order = compute(b.build(), null).points().stream().map(PointOfFailure::id).toList();
        assertEquals(List.of("fmhp", "lpt", "other"), order, "nobody was seen at custody");
    }

    /** Issue 14, item 6, on the London demo: Lambeth's bottlenecks say 0 cut vertices, coverage lists fmhp-lam-05. */
    @Test
    void lambethsSinglePointOfFailureIsFmhpLam05OnceWithAllThreeReasons() {
        NetworkSnapshot snapshot = DemoSnapshots.asOf(D);
        PointsOfFailureResult lambeth = compute(snapshot, "E09000022");

        PointOfFailure first = lambeth.points().get(0);
        assertEquals("fmhp-lam-05", first.id());
        assertEquals(List.of("only_practitioner", "main_broker", "not_cut_vertex"), codes(first));
        assertEquals("the only practitioner at Lambeth probation office", first.reasons().get(0).words());
        assertEquals(20, first.reasons().get(1).share().numerator().value());
        assertEquals(28, first.reasons().get(1).share().denominator().value(), "71%");
        assertEquals(1, lambeth.points().stream().filter(p -> p.id().equals("fmhp-lam-05")).count());
        assertTrue(BottleneckAnalysis.compute(snapshot, "E09000022").nodes().stream().noneMatch(m -> m.articulationPoint()));

        PointsOfFailureResult london = compute(snapshot, null);
        Set<String> ids = new HashSet<>();
        london.points().forEach(p -> assertTrue(ids.add(p.type() + ":" + p.id()), "listed once: " + p.id()));
        assertEquals("fund-nhse", london.points().get(0).id(), "NHS England: eight places would lose all cover");
        for (int i = 1; i < london.points().size(); i++) {
            assertTrue(london.points().get(i - 1).people().value() >= london.points().get(i).people().value());
        }
    }
}
