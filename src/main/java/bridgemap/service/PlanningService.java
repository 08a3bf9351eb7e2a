package bridgemap.service;

import bridgemap.ingest.ScenarioJson;
import bridgemap.analysis.planning.ExpansionPlan;
import bridgemap.analysis.planning.ExpansionPlanner;
import bridgemap.analysis.planning.Timeline;
import bridgemap.analysis.planning.TimelineResult;
import bridgemap.analysis.planning.WhatIf;
import bridgemap.analysis.planning.WhatIfResult;
import bridgemap.model.Scenario;
import bridgemap.model.SettingKind;
import bridgemap.store.ScenarioRepository;
import bridgemap.store.SnapshotRepository;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;

/** What-if scenarios (run, save, list, re-run, delete), the expansion planner and the timeline. */
public final class PlanningService {

    /** A saved scenario as listed: its name, description, changes as JSON, and when it was saved. */
    public record SavedScenario(String name, String description, int changes, String json, OffsetDateTime savedAt) {}

    private final AnalysisService analysis;
    private final SnapshotRepository snapshots;
    private final ScenarioRepository scenarios;
    private final Clock clock;

    public PlanningService(AnalysisService analysis, SnapshotRepository snapshots, ScenarioRepository scenarios, Clock clock) {
        this.analysis = Objects.requireNonNull(analysis, "analysis");
        this.snapshots = Objects.requireNonNull(snapshots, "snapshots");
        this.scenarios = Objects.requireNonNull(scenarios, "scenarios");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Runs {@code scenario} as of the scope's day; the store is not changed. */
    public WhatIfResult whatIf(Scenario scenario, AnalysisService.Scope scope) {
        return WhatIf.compare(analysis.snapshot(scope.asOf()), scenario, scope.borough());
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

    /** Where {@code posts} new posts would meet most unmet demand as of the day. */
    public ExpansionPlan plan(LocalDate asOf, int posts, ExpansionPlanner.Demand demand, List<SettingKind> kinds,
            boolean includeFragile) {
        if (posts < 1 || posts > 100) {
            throw new InvalidInputException("posts", "posts must be between 1 and 100: " + posts);
        }
        if (kinds.isEmpty()) {
            throw new InvalidInputException("settingKinds", "give at least one setting kind");
        }
        LocalDate day = analysis.scope(asOf, null).asOf();
        return ExpansionPlanner.plan(analysis.snapshot(day), posts, demand, kinds, includeFragile);
    }

    /**
     * Yearly snapshots from the earliest dated fact to the data's end, or to {@code until} when given (its years
     * after the data's end are marked); calendar years fall on the anniversary of the latest referral.
     */
    public TimelineResult timeline(TimelineResult.YearsBy yearsBy, LocalDate until) {
        return snapshots.history()
                .map(history -> Timeline.of(history, yearsBy, analysis.defaultAsOf(), until))
                .orElse(TimelineResult.empty(yearsBy));
    }
}
