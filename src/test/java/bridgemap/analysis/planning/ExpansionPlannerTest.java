package bridgemap.analysis.planning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bridgemap.analysis.DemoSnapshots;
import bridgemap.analysis.Snapshots;
import bridgemap.model.NetworkSnapshot;
import bridgemap.model.Outcome;
import bridgemap.model.Sector;
import bridgemap.model.SettingKind;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ExpansionPlannerTest {

    static final LocalDate D = LocalDate.of(2014, 6, 30);
    static final List<SettingKind> ENTRY = List.of(SettingKind.POLICE_CUSTODY, SettingKind.MAGISTRATES_COURT,
            SettingKind.CROWN_COURT);

    /**
     * Two boroughs with no cover. Person 1 passes custody then court in Hackney; person 2 Hackney custody
     * only; person 3 Sutton custody. A post at Hackney custody meets 2 people; then Sutton custody 1.
     */
    static NetworkSnapshot uncovered() {
        return uncoveredFacts().build();
    }

    /** The facts of {@link #uncovered()}, for tests that add to them. */
    static Snapshots.Builder uncoveredFacts() {
        return Snapshots.on(D)
                .borough("E09000012", "Hackney").borough("E09000029", "Sutton")
                .needs("psychosis")
                .agency("mps", Sector.CRIMINAL_JUSTICE).agency("hmcts", Sector.CRIMINAL_JUSTICE).agency("trust", Sector.HEALTH)
                .setting("hac-custody", SettingKind.POLICE_CUSTODY, "E09000012", "mps")
                .setting("hac-court", SettingKind.MAGISTRATES_COURT, "E09000012", "hmcts")
                .setting("sut-custody", SettingKind.POLICE_CUSTODY, "E09000029", "mps")
                .service("cmht", "trust", "E09000012;E09000029", "psychosis", "")
                .caseIn("p1", "E09000012", "psychosis").caseIn("p2", "E09000012", "psychosis").caseIn("p3", "E09000029", "psychosis")
                .referral("p1", D.minusDays(40), "hac-custody", "hac-court", Outcome.ACCEPTED)
                .referral("p1", D.minusDays(30), "hac-court", "cmht", Outcome.DECLINED)
                .referral("p2", D.minusDays(20), "hac-custody", "cmht", Outcome.NO_RESPONSE)
                .referral("p3", D.minusDays(10), "sut-custody", "cmht", Outcome.ACCEPTED)
                ;
    }

    @Test
    void picksTheCellsThatMeetMostPeopleCountingEachPersonOnce() {
        ExpansionPlan plan = ExpansionPlanner.plan(uncovered(), 3, ExpansionPlanner.Demand.CASES, ENTRY, false);
        assertEquals(3, plan.unmetDemand());
        assertEquals(3, plan.candidates());
        assertEquals(List.of("Hackney police_custody 2 2", "Sutton police_custody 1 3"),
                plan.picks().stream().map(p -> p.boroughName() + " " + p.settingKind().code() + " " + p.gain() + " "
                        + p.cumulative()).toList(), "Hackney court adds nobody new once Hackney custody is covered");
        assertEquals(1.0, plan.picks().get(1).cumulativeShare(), 1e-9);
    }

    @Test
    void equalDemandCountsCells() {
        ExpansionPlan plan = ExpansionPlanner.plan(uncovered(), 2, ExpansionPlanner.Demand.EQUAL, ENTRY, false);
        assertEquals(3, plan.unmetDemand());
        assertEquals(List.of(1, 1), plan.picks().stream().map(ExpansionPlan.PlannedPost::gain).toList());
    }

    @Test
    void onTheDemoThreePostsGoToDistinctCellsWithFallingGains() {
        NetworkSnapshot demo = DemoSnapshots.asOf(D);
        ExpansionPlan plan = ExpansionPlanner.plan(demo, 3, ExpansionPlanner.Demand.CASES, ENTRY, false);
        assertEquals(3, plan.picks().size());
        Set<String> cells = new HashSet<>();
        int previous = Integer.MAX_VALUE;
        int total = 0;
        for (var pick : plan.picks()) {
            assertTrue(cells.add(pick.boroughId() + pick.settingKind()), "distinct cells");
            assertTrue(pick.gain() <= previous && pick.gain() > 0);
            total += pick.gain();
            assertEquals(total, pick.cumulative());
            previous = pick.gain();
        }
        assertTrue(plan.unmetDemand() > total);
    }
}
