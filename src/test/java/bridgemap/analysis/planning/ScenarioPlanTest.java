package bridgemap.analysis.planning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bridgemap.model.NetworkSnapshot;
import bridgemap.model.Scenario;
import bridgemap.model.SettingKind;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 14: "if NHS England withdraws, where should new posts go?" — the plan starts from the scenario, with the people
 * it displaces counted as demand where they came in ({@link DisplacedPeopleTest#haringey()}).
 */
class ScenarioPlanTest {

    private static final List<SettingKind> ENTRY = List.of(SettingKind.POLICE_CUSTODY, SettingKind.CROWN_COURT);
    private static final Scenario NHSE = new Scenario("nhse-withdraws", null, List.of(new Scenario.WithdrawFunder("nhse")));

    @Test
    void withEveryPlaceCoveredThereIsNothingToPlanUntilTheFunderWithdraws() {
        NetworkSnapshot before = DisplacedPeopleTest.haringey();
        assertTrue(ExpansionPlanner.plan(before, 2, ExpansionPlanner.Demand.CASES, ENTRY, false).picks().isEmpty());

        PostCost cost = PostCost.medianFunding(before);
        ExpansionPlan plan = ScenarioPlan.plan(before, NHSE, 2, ExpansionPlanner.Demand.CASES, ENTRY, false, cost, null);
        assertEquals("nhse-withdraws", plan.scenario());
        ScenarioApplication.Applied applied = ScenarioApplication.apply(before, NHSE);
        assertEquals(applied.effects(), plan.scenarioEffects().subList(0, applied.effects().size()), "what the changes did");
        assertEquals(DisplacedPeople.compute(before, applied, null).sentence(), plan.scenarioEffects().get(applied.effects().size()),
                "then who they displaced");
        assertTrue(plan.scenarioEffects().get(applied.effects().size()).startsWith("5 people were seen by posts that end"),
                plan.scenarioEffects().toString());
        // The court's five people (four displaced from its FMHP, one who went straight to the CMHT), then custody's one.
        assertEquals(List.of("Haringey crown_court 5 5", "Haringey police_custody 1 6"), picks(plan));
        assertEquals(6, plan.unmetDemand());
        assertEquals(40_000, plan.costPerPostGbp(), 1e-9);
        assertEquals(80_000, plan.totalCostGbp(), 1e-9);
    }

    @Test
    void aBudgetForOnePostGivesOnePick() {
        NetworkSnapshot before = DisplacedPeopleTest.haringey();
        ExpansionPlan plan = ScenarioPlan.plan(before, NHSE, 2, ExpansionPlanner.Demand.CASES, ENTRY, false,
                PostCost.medianFunding(before), 60_000.0);
        assertEquals(List.of("Haringey crown_court 5 5"), picks(plan));
        assertEquals(1, plan.posts());
        assertEquals(60_000, plan.budgetGbp(), 1e-9);
    }

    private static List<String> picks(ExpansionPlan plan) {
        return plan.picks().stream().map(p -> p.boroughName() + " " + p.settingKind().code() + " " + p.gain() + " "
                + p.cumulative()).toList();
    }
}
