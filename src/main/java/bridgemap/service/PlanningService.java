package bridgemap.service;

import static bridgemap.catalogue.Analyses.BOTTLENECKS;
import static bridgemap.catalogue.Analyses.COVERAGE;
import static bridgemap.catalogue.Analyses.GAPS;

import bridgemap.ingest.ScenarioJson;
import bridgemap.analysis.planning.ExpansionPlan;
import bridgemap.analysis.planning.ExpansionPlanner;
import bridgemap.analysis.planning.PostCost;
import bridgemap.analysis.planning.ScenarioPlan;
import bridgemap.analysis.planning.Timeline;
import bridgemap.analysis.planning.TimelineResult;
import bridgemap.analysis.planning.WhatIf;
import bridgemap.analysis.planning.WhatIfResult;
import bridgemap.model.Scenario;
import bridgemap.model.SettingKind;
import bridgemap.store.ScenarioRepository;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What-if scenarios (run, save, list, re-run, delete), the expansion planner and the timeline. */
public final class PlanningService {

    /** A saved scenario as listed: its name, description, changes as JSON, and when it was saved. */
    public record SavedScenario(String name, String description, int changes, String json, OffsetDateTime savedAt) {}

    private final AnalysisService analysis;
    private final ScenarioRepository scenarios;
    private final Clock clock;

    public PlanningService(AnalysisService analysis, ScenarioRepository scenarios, Clock clock) {
        this.analysis = Objects.requireNonNull(analysis, "analysis");
        this.scenarios = Objects.requireNonNull(scenarios, "scenarios");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Runs {@code scenario} as of the scope's day; the store is not changed. The day's coverage, gaps and bottlenecks
     * are the analysis cache's (computed once per day and borough, shared with the analysis pages); only the side after
     * the scenario is computed here.
     */
    public WhatIfResult whatIf(Scenario scenario, AnalysisService.Scope scope) {
        return WhatIf.compare(analysis.snapshot(scope.asOf()), () -> new WhatIf.Before(analysis.result(COVERAGE, scope),
                analysis.result(GAPS, scope), analysis.result(BOTTLENECKS, scope)), scenario, scope.borough());
    }

    /** Saves (or replaces) a named scenario; it must have a name. */
    public void save(Scenario scenario) {
        if (scenario.name() == null) {
            throw new InvalidInputException("name", "a saved scenario needs a name");
        }
        scenarios.save(scenario.name(), ScenarioJson.write(scenario), OffsetDateTime.now(clock));
    }

    public List<SavedScenario> list() {
        return scenarios.list().stream().map(PlanningService::saved).toList();
    }

    public SavedScenario get(String name) {
        return scenarios.get(name).map(PlanningService::saved)
                .orElseThrow(() -> new NotFoundException("No saved scenario is called \"" + name + "\""));
    }

    /** Re-runs a saved scenario as of another day. */
    public WhatIfResult run(String name, AnalysisService.Scope scope) {
        return whatIf(ScenarioJson.parse(get(name).json()), scope);
    }

    public void delete(String name) {
        if (!scenarios.delete(name)) {
            throw new NotFoundException("No saved scenario is called \"" + name + "\"");
        }
    }

    private static SavedScenario saved(ScenarioRepository.SavedScenario s) {
        Scenario scenario = ScenarioJson.parse(s.json());
        return new SavedScenario(s.name(), scenario.description(), scenario.changes().size(), s.json(), s.savedAt());
    }

    /**
     * Where {@code posts} new posts would meet most unmet demand as of the day; {@code demand} null for the planner's
     * default (activity when the data has activity figures, else cases).
     */
    public ExpansionPlan plan(LocalDate asOf, int posts, ExpansionPlanner.Demand demand, List<SettingKind> kinds,
            boolean includeFragile) {
        return plan(asOf, posts, demand, kinds, includeFragile, null, null, null);
    }

    /**
     * Where at most {@code posts} new posts would meet most unmet demand as of the day, after {@code scenario} when one
     * is given, costing at most {@code budgetGbp} a year together when one is given. A post costs
     * {@code costPerPostGbp} when given, else the median funding per FTE ({@link PostCost#medianFunding}) of the network
     * as it is, before the scenario: what posts cost now.
     */
    public ExpansionPlan plan(LocalDate asOf, int posts, ExpansionPlanner.Demand demand, List<SettingKind> kinds,
            boolean includeFragile, Scenario scenario, Double costPerPostGbp, Double budgetGbp) {
        if (posts < 1 || posts > 100) {
            throw new InvalidInputException("posts", "posts must be between 1 and 100: " + posts);
        }
        if (kinds.isEmpty()) {
            throw new InvalidInputException("settingKinds", "give at least one setting kind");
        }
        LocalDate day = analysis.scope(asOf, null).asOf();
        var snapshot = analysis.snapshot(day);
        PostCost cost = costPerPostGbp == null ? PostCost.medianFunding(snapshot) : PostCost.given(costPerPostGbp);
        if (budgetGbp != null && cost.perPostGbp() == null) {
            throw new InvalidInputException("budgetGbp", "a budget needs a cost per post, and there is "
                    + cost.source() + ": give the cost per post too");
        }
        return scenario == null
                ? ExpansionPlanner.plan(snapshot, posts, demand, kinds, includeFragile, cost, budgetGbp)
                : ScenarioPlan.plan(snapshot, scenario, posts, demand, kinds, includeFragile, cost, budgetGbp);
    }

    /** The saved scenario called {@code name}, for a request's {@code field}; an unknown name is bad input there. */
    public Scenario savedScenario(String field, String name) {
        return scenarios.get(name).map(s -> ScenarioJson.parse(s.json())).orElseThrow(() -> new InvalidInputException(field,
                field + ": no saved scenario is called \"" + name + "\" (save one with `bridgemap whatif FILE --save`)"));
    }

    private static final Pattern POUNDS = Pattern.compile("£?\\s*((?:\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.\\d+)?)\\s*([kKmM]?)");

    /**
     * An amount of pounds as people write it: {@code 250000}, {@code £250,000}, {@code 250k}, {@code £1.5m}; more
     * than £0. Anything else is bad input in {@code field}, said in words that name it.
     */
    public static double pounds(String field, String text) {
        Matcher m = POUNDS.matcher(text == null ? "" : text.strip());
        double amount = 0;
        if (m.matches()) {
            amount = Double.parseDouble(m.group(1).replace(",", ""))
                    * switch (m.group(2).toLowerCase(Locale.ROOT)) {
                        case "k" -> 1_000;
                        case "m" -> 1_000_000;
                        default -> 1;
                    };
        }
        if (!(amount > 0) || !Double.isFinite(amount)) {
            throw new InvalidInputException(field, field + ": \"" + text + "\" is not an amount of pounds more than £0; "
                    + "give one such as 250000, £250,000 or 250k");
        }
        return amount;
    }

    /**
     * Yearly snapshots from the earliest dated fact to the data's end, or to {@code until} when given (its years
     * after the data's end are marked); calendar years fall on the anniversary of the latest referral.
     */
    public TimelineResult timeline(TimelineResult.YearsBy yearsBy, LocalDate until) {
        return analysis.history()
                .map(history -> Timeline.of(history, yearsBy, analysis.defaultAsOf(), until))
                .orElse(TimelineResult.empty(yearsBy));
    }
}
