package bridgemap.analysis.planning;

import static bridgemap.analysis.planning.ExpansionPlannerTest.D;
import static bridgemap.analysis.planning.ExpansionPlannerTest.ENTRY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bridgemap.analysis.DemoSnapshots;
import bridgemap.analysis.Snapshots;
import bridgemap.model.ActivityMeasure;
import bridgemap.model.NetworkSnapshot;
import bridgemap.model.Sector;
import bridgemap.model.SettingKind;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Demand that is not circular (issue 14): activity × prevalence, falling back to referrals, and the plan says which. */
class ActivityDemandTest {

    /**
     * {@link ExpansionPlannerTest#uncovered()} with activity figures: Sutton custody 3,000 detentions over the whole
     * year, half of them flagged with mental-health needs; Hackney custody 1,000 in the half year from January (no
     * share flagged); Hackney's court none.
     */
    static NetworkSnapshot withActivity() {
        return ExpansionPlannerTest.uncoveredFacts()
                .activity("sut-custody", ActivityMeasure.DETENTIONS, LocalDate.of(2013, 7, 1), D, 3000, 0.5)
                .activity("hac-custody", ActivityMeasure.DETENTIONS, LocalDate.of(2014, 1, 1), D, 1000)
                .activity("hac-custody", ActivityMeasure.DETENTIONS, LocalDate.of(2012, 4, 1), LocalDate.of(2013, 3, 31), 99_999)
                .build();
    }

    @Test
    void activityTimesPrevalenceScaledToTheYearElseReferrals() {
        Map<String, SettingDemand> e = ActivityDemand.estimate(withActivity());
        SettingDemand sutton = e.get("sut-custody");
        assertEquals(DemandSource.ACTIVITY_FLAGGED, sutton.source());
        assertEquals(3000.0, sutton.activity());
        assertEquals(1500.0, sutton.people());
        SettingDemand hackney = e.get("hac-custody");
        assertEquals(DemandSource.ACTIVITY_PREVALENCE, hackney.source());
        assertEquals(2016.6, hackney.activity(), "1,000 in 181 days of the year, × 365/181; the 2012/13 row lies outside");
        assertEquals(0.33, hackney.share());
        assertEquals(666, hackney.wholePeople());
        SettingDemand court = e.get("hac-court");
        assertEquals(DemandSource.REFERRALS, court.source());
        assertEquals(1, court.wholePeople(), "p1 was referred from and to the court");
    }

    @Test
    void theDefaultPlanFollowsActivityNotTheFewReferralsOfUncoveredPlacesAndSaysSo() {
        NetworkSnapshot snapshot = withActivity();
        ExpansionPlan byCases = ExpansionPlanner.plan(snapshot, 1, ExpansionPlanner.Demand.CASES, ENTRY, false);
        assertEquals("Hackney", byCases.picks().get(0).boroughName(), "2 people referred at Hackney custody, 1 at Sutton");

        ExpansionPlan plan = ExpansionPlanner.plan(snapshot, 2, null, ENTRY, false);
        assertEquals("activity", plan.demand());
        assertEquals(1500 + 666 + 1, plan.unmetDemand());
        assertEquals(List.of("ACTIVITY_FLAGGED 1500", "ACTIVITY_PREVALENCE 666", "REFERRALS 1"),
                plan.demandSources().stream().map(s -> s.source() + " " + s.people()).toList());
        assertEquals(List.of("Sutton police_custody 1500", "Hackney police_custody 666"),
                plan.picks().stream().map(p -> p.boroughName() + " " + p.settingKind().code() + " " + p.gain()).toList());
        assertEquals(List.of("sut-custody"), plan.picks().get(0).demand().stream().map(SettingDemand::settingId).toList());
        assertEquals(List.of(DemandSource.ACTIVITY_PREVALENCE),
                plan.picks().get(1).sources().stream().map(ExpansionPlan.SourceCount::source).toList());
        assertEquals(List.of(SettingKind.POLICE_CUSTODY, SettingKind.MAGISTRATES_COURT, SettingKind.CROWN_COURT),
                plan.prevalence().stream().map(Prevalence::kind).toList());
    }

    @Test
    void withoutActivityFiguresTheDefaultIsReferralsSeen() {
        ExpansionPlan plan = ExpansionPlanner.plan(ExpansionPlannerTest.uncovered(), 2, null, ENTRY, false);
        assertEquals("cases", plan.demand());
        assertEquals(List.of(DemandSource.REFERRALS),
                plan.demandSources().stream().map(ExpansionPlan.SourceCount::source).toList());
    }

    @Test
    void aCourtServingTwoBoroughsIsMetByAPostInEither() {
        NetworkSnapshot snapshot = Snapshots.on(D)
                .borough("E09000022", "Lambeth").borough("E09000028", "Southwark")
                .agency("hmcts", Sector.CRIMINAL_JUSTICE)
                .setting("camberwell", "Camberwell Green Magistrates' Court", SettingKind.MAGISTRATES_COURT, "E09000028", "hmcts")
                .catchment("camberwell", "E09000022;E09000028")
                .activity("camberwell", ActivityMeasure.FIRST_APPEARANCES, LocalDate.of(2013, 7, 1), D, 1000)
                .build();
        ExpansionPlan plan = ExpansionPlanner.plan(snapshot, 2, null, ENTRY, false);
        assertEquals(2, plan.candidates());
        assertEquals(300, plan.unmetDemand(), "the court's people count once, not once per borough");
        assertEquals(1, plan.picks().size(), "a second post adds nobody");
        assertEquals(List.of("Camberwell Green Magistrates' Court"), plan.picks().get(0).settings());
    }

    @Test
    void onTheDemoTheDefaultIsActivityAndEveryPickSaysWhereItsPeopleComeFrom() {
        NetworkSnapshot demo = DemoSnapshots.asOf(D);
        ExpansionPlan plan = ExpansionPlanner.plan(demo, 3, null, ENTRY, false);
        assertEquals("activity", plan.demand());
        assertEquals(3, plan.picks().size());
        for (ExpansionPlan.PlannedPost pick : plan.picks()) {
            assertTrue(!pick.demand().isEmpty() && !pick.sources().isEmpty(), pick.toString());
            assertEquals(pick.gain(), pick.sources().stream().mapToInt(ExpansionPlan.SourceCount::people).sum());
        }
        assertTrue(plan.demandSources().stream().anyMatch(s -> s.source() == DemandSource.REFERRALS),
                "British Transport Police suites publish no detentions by suite, so they fall back to referrals");
        List<SettingKind> withProbation = new java.util.ArrayList<>(ENTRY);
        withProbation.add(SettingKind.PROBATION_OFFICE);
        ExpansionPlan asAsked = ExpansionPlanner.plan(demo, 3, null, withProbation, false);
        asAsked.picks().forEach(p -> System.out.printf("%d %s %s +%d = %d %s%n", p.rank(), p.boroughName(),
                p.settingKind().code(), p.gain(), p.cumulative(), p.demand()));
        System.out.println(asAsked.unmetDemand() + " " + asAsked.demandSources());
        ExpansionPlan byCases = ExpansionPlanner.plan(demo, 3, ExpansionPlanner.Demand.CASES, withProbation, false);
        byCases.picks().forEach(p -> System.out.printf("cases %d %s %s +%d%n", p.rank(), p.boroughName(),
                p.settingKind().code(), p.gain()));
    }
}
