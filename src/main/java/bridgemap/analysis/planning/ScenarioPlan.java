package bridgemap.analysis.planning;

import bridgemap.model.NetworkSnapshot;
import bridgemap.model.Scenario;
import bridgemap.model.SettingKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An expansion plan that starts from a scenario (issue 14): "if NHS England withdraws, where should 3 new posts go?".
 *
 * <p>The scenario is applied to the snapshot ({@link ScenarioApplication}); the people it displaces stay in scope
 * where they came in ({@link Displacement}), so with {@code cases} demand they count as unmet demand at their entry
 * setting when nothing else covers it. The planner then runs on the snapshot after the scenario. The plan says what
 * the scenario did: its effects, then who it displaced ({@link DisplacedPeople}), in words.
 */
public final class ScenarioPlan {

    private ScenarioPlan() {}

    /**
     * The plan of at most {@code posts} posts after {@code scenario}, within {@code budgetGbp} when one is given.
     *
     * @param cost what a post costs (taken by the caller from the network before the scenario, or given)
     */
    public static ExpansionPlan plan(NetworkSnapshot snapshot, Scenario scenario, int posts, ExpansionPlanner.Demand demand,
            List<SettingKind> kinds, boolean includeFragile, PostCost cost, Double budgetGbp) {
        Objects.requireNonNull(snapshot, "snapshot");
        Objects.requireNonNull(scenario, "scenario");
        ScenarioApplication.Applied applied = ScenarioApplication.apply(snapshot, scenario);
        DisplacedResult displaced = DisplacedPeople.compute(snapshot, applied, null);
        List<String> effects = new ArrayList<>(applied.effects());
        effects.add(displaced.sentence());
        return ExpansionPlanner.plan(applied.after(), posts, demand, kinds, includeFragile, cost, budgetGbp)
                .afterScenario(scenario.name() == null ? "unnamed scenario" : scenario.name(), effects);
    }
}
