package bridgemap.analysis.planning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bridgemap.analysis.DemoSnapshots;
import bridgemap.analysis.Snapshots;
import bridgemap.analysis.coverage.CoverageAnalysis;
import bridgemap.analysis.coverage.CoverageResult;
import bridgemap.model.NetworkSnapshot;
import bridgemap.model.Outcome;
import bridgemap.model.Scenario;
import bridgemap.model.Sector;
import bridgemap.model.SettingKind;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class WhatIfTest {

    static final LocalDate D = LocalDate.of(2014, 6, 30);

    /** Hackney's court has one FMHP paid by NHS England; Islington's court one paid by probation and the NHS. */
    static NetworkSnapshot twoCourts() {
        return Snapshots.on(D)
                .borough("E09000012", "Hackney").borough("E09000019", "Islington")
                .needs("psychosis")
                .agency("hmcts", Sector.CRIMINAL_JUSTICE).agency("together", Sector.VOLUNTARY).agency("trust", Sector.HEALTH)
                .setting("thames", "Thames Magistrates' Court", SettingKind.MAGISTRATES_COURT, "E09000012", "hmcts")
                .setting("highbury", "Highbury Corner Magistrates' Court", SettingKind.MAGISTRATES_COURT, "E09000019", "hmcts")
                .service("cmht", "trust", "E09000012;E09000019", "psychosis", "")
                .practitioner("fmhp-hac", "together", 1.0).placement("fmhp-hac", "thames")
                .practitioner("fmhp-isl", "together", 1.0).placement("fmhp-isl", "highbury")
                .funder("nhse").funder("lpt")
                .funding("nhse", "fmhp-hac", 40000).funding("nhse", "fmhp-isl", 20000).funding("lpt", "fmhp-isl", 20000)
                .caseIn("c1", "E09000012", "psychosis")
                .referral("c1", D.minusDays(30), "thames", "fmhp-hac", Outcome.ACCEPTED)
                .referral("c1", D.minusDays(20), "fmhp-hac", "cmht", Outcome.ACCEPTED)
                .build();
    }

    private static Scenario scenario(Scenario.Change... changes) {
        return new Scenario("test", null, List.of(changes));
    }

    private static List<String> sentences(WhatIfResult result) {
        return result.differences().stream().map(WhatIfResult.Difference::sentence).toList();
    }

    @Test
    void withdrawingAFunderEndsThePostsItAlonePaidFor() {
        WhatIfResult result = WhatIf.compare(twoCourts(), scenario(new Scenario.WithdrawFunder("nhse")), null);
        assertEquals(List.of("nhse withdraws: 2 posts lose funding, 1 of them end (no other funder)"), result.effects());
        assertTrue(sentences(result).contains("Thames Magistrates' Court (Hackney) loses its only FMHP"), sentences(result)::toString);
        assertTrue(sentences(result).contains("Highbury Corner Magistrates' Court (Islington) becomes fragile (single funder)")
                || sentences(result).stream().anyMatch(s -> s.startsWith("Highbury Corner Magistrates' Court (Islington)")), sentences(result)::toString);
        assertTrue(sentences(result).contains("Thames Magistrates' Court has nobody placed any more"));
        assertEquals(2, result.before().boroughsWithCover());
        assertEquals(1, result.after().boroughsWithCover());
    }

    @Test
    void aNewPostClosesAHole() {
        NetworkSnapshot snapshot = twoCourts();
        var add = new Scenario.AddPost("E09000012", null, SettingKind.MAGISTRATES_COURT, 1.0, null, null, "lpt", null,
                41000.0, null, null);
        WhatIfResult result = WhatIf.compare(snapshot, scenario(new Scenario.RemovePractitioner("fmhp-hac"), add), null);
        assertEquals("A new 1.0 FTE FMHP post at Thames Magistrates' Court, funded by lpt", result.effects().get(1));
        assertEquals(result.before().boroughsWithCover(), result.after().boroughsWithCover());
        assertTrue(sentences(result).contains("fmhp-hac at Thames Magistrates' Court is no longer a cut vertex")
                || !sentences(result).isEmpty());
    }

    @Test
    void theStoreSnapshotIsNotChanged() {
        NetworkSnapshot snapshot = twoCourts();
        WhatIf.compare(snapshot, scenario(new Scenario.CloseSetting("thames")), null);
        assertEquals(2, snapshot.settings().size());
        assertEquals(2, snapshot.referrals().size());
    }

    @Test
    void everyBadReferenceIsReportedWithItsPath() {
        var e = assertThrows(ScenarioException.class, () -> WhatIf.compare(twoCourts(), scenario(
                new Scenario.RemovePractitioner("nobody"),
                new Scenario.WithdrawFunder("lottery"),
                new Scenario.AddPost("E09000012", null, SettingKind.CROWN_COURT, 1.0, null, null, null, null, null, null, null),
                new Scenario.AddPartnership("together", "nowhere", "liaison")), null));
        assertEquals(List.of(
                "changes[0].practitioner: no practitioner \"nobody\" is in post on 2014-06-30",
                "changes[1].funder: unknown funder \"lottery\"",
                "changes[2].settingKind: borough E09000012 has no crown_court",
                "changes[3].to: unknown agency \"nowhere\""), e.problems());
    }

    /**
     * The case study's question: if NHS England withdraws in 2014, which court and custody cover goes?
     * Exactly the places the coverage analysis names as NHS England's N−1 loss.
     */
    @Test
    void nhsEnglandWithdrawingIn2014UncoversWhatCoverageN1Predicts() {
        NetworkSnapshot demo = DemoSnapshots.asOf(D);
        WhatIfResult result = WhatIf.compare(demo, scenario(new Scenario.WithdrawFunder("fund-nhse")), null);
        CoverageResult coverage = CoverageAnalysis.compute(demo, null);
        Set<String> predicted = coverage.funderLosses().stream().filter(f -> f.funder().id().equals("fund-nhse"))
                .flatMap(f -> f.cellsLost().stream()).map(k -> bridgemap.report.Names.of(demo).place(k.boroughId(), k.boroughName(), k.kind()))
                .collect(Collectors.toSet());
        Set<String> lost = result.differences().stream()
                .filter(d -> d.area().equals("coverage") && d.after().equals("no cover"))
                .map(WhatIfResult.Difference::subject).collect(Collectors.toSet());
        assertEquals(predicted, lost);
        assertTrue(lost.contains("Wood Green Crown Court (Haringey)") && lost.contains("Ilford police custody suite (Redbridge)"), lost::toString);
    }

    /**
     * Issue 14's done-means: NHS England's withdrawal shows the people it displaces, and no gap measure improves
     * (before the fix, "people between two stools" fell 327 → 260 and the dead-end rate 31.8% → 31.4%).
     */
    @Test
    void nhsEnglandWithdrawingIn2014DisplacesPeopleAndImprovesNoGapMeasure() {
        WhatIfResult result = WhatIf.compare(DemoSnapshots.asOf(D), scenario(new Scenario.WithdrawFunder("fund-nhse")), null);
        RemovingCoverPropertyTest.assertNoGapImproves(result, "NHS England withdraws");
        assertEquals(List.of(327, 327, 75, 75), List.of(result.before().peopleBetweenTwoStools(),
                result.after().peopleBetweenTwoStools(), result.before().peopleUnserved(), result.after().peopleUnserved()));
        assertEquals(461, result.before().deadEnds());
        assertTrue(result.after().deadEndRate() > result.before().deadEndRate());
        DisplacedResult displaced = result.displaced();
        assertEquals(List.of(498L, 100L), List.of(displaced.people().value(), displaced.withoutRoute().value()));
        assertEquals(displaced.people().value(), displaced.byEntry().stream().mapToLong(g -> g.people().value()).sum());
        assertEquals(displaced.people().value(), displaced.byBorough().stream().mapToLong(g -> g.people().value()).sum());
        assertTrue(displaced.sentence().startsWith("498 people were seen by posts that end: 74 at Thames Magistrates' Court, "),
                displaced.sentence());
        assertTrue(displaced.sentence().endsWith("; 100 of them have no other route to health."), displaced.sentence());
        assertTrue(displaced.byEntry().stream().anyMatch(g -> g.name().equals("Wood Green Crown Court")), "real setting names");
        assertTrue(displaced.pressure().stream().anyMatch(l -> l.arriving().value() > 0 && l.perMonthAfter() > l.perMonthBefore()),
                "some services that remain are expected to take more");
    }

    /** Issue 17: the day's results given (as a cache holds them) give the same answer as computing them here. */
    @Test
    void givenTheDaysResultsTheAnswerIsTheSame() {
        NetworkSnapshot demo = DemoSnapshots.asOf(D);
        Scenario withdraw = scenario(new Scenario.WithdrawFunder("fund-nhse"));
        assertEquals(WhatIf.compare(demo, withdraw, null), WhatIf.compare(demo, WhatIf.Before.of(demo, null), withdraw, null));
        NetworkSnapshot courts = twoCourts();
        Scenario close = scenario(new Scenario.CloseSetting("thames"));
        assertEquals(WhatIf.compare(courts, close, "E09000012"),
                WhatIf.compare(courts, WhatIf.Before.of(courts, "E09000012"), close, "E09000012"));
    }

    @Test
    void resultsOfAnotherDayOrBoroughAreRefused() {
        NetworkSnapshot courts = twoCourts();
        Scenario close = scenario(new Scenario.CloseSetting("thames"));
        NetworkSnapshot dayBefore = DemoSnapshots.asOf(D.minusDays(1));
        var day = assertThrows(IllegalArgumentException.class,
                () -> WhatIf.compare(courts, WhatIf.Before.of(dayBefore, null), close, null));
        assertEquals("the coverage given is of 2014-06-29, not of the what-if's day 2014-06-30", day.getMessage());
        var borough = assertThrows(IllegalArgumentException.class,
                () -> WhatIf.compare(courts, WhatIf.Before.of(courts, "E09000019"), close, "E09000012"));
        assertEquals("the coverage given is of 2014-06-30 in E09000019, not of the what-if's day 2014-06-30 in E09000012",
                borough.getMessage());
        var all = assertThrows(IllegalArgumentException.class,
                () -> WhatIf.compare(courts, WhatIf.Before.of(courts, null), close, "E09000012"));
        assertEquals("the coverage given is of 2014-06-30, not of the what-if's day 2014-06-30 in E09000012", all.getMessage());
    }

    /** A bad scenario is refused before the day's analyses are asked for (a cache may not hold them yet). */
    @Test
    void aBadScenarioIsRefusedBeforeTheDaysResultsAreAskedFor() {
        java.util.function.Supplier<WhatIf.Before> never = () -> {
            throw new AssertionError("the day's results were asked for before the scenario was checked");
        };
        var e = assertThrows(ScenarioException.class, () -> WhatIf.compare(twoCourts(), never,
                scenario(new Scenario.RemovePractitioner("nobody")), null));
        assertEquals(List.of("changes[0].practitioner: no practitioner \"nobody\" is in post on 2014-06-30"), e.problems());
    }
}
