package bridgemap.service;

import static bridgemap.catalogue.Analyses.BOTTLENECKS;
import static bridgemap.catalogue.Analyses.COVERAGE;
import static bridgemap.catalogue.Analyses.GAPS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bridgemap.analysis.planning.WhatIf;
import bridgemap.analysis.planning.WhatIfResult;
import bridgemap.model.NetworkSnapshot;
import bridgemap.model.Placement;
import bridgemap.model.Scenario;
import bridgemap.model.Setting;
import bridgemap.testing.TestStore;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 17: a what-if through {@link PlanningService} takes the day's coverage, gaps and bottlenecks from the analysis
 * cache instead of computing them again, and answers exactly as {@link WhatIf#compare(NetworkSnapshot, Scenario,
 * String)} computing everything itself (the London demo in the store).
 */
class PlanningServiceWhatIfTest {

    private static final LocalDate D = LocalDate.of(2014, 6, 30);
    private static final String HARINGEY = "E09000014";

    private static AnalysisService analysis;
    private static PlanningService planning;

    @BeforeAll
    static void load() {
        TestStore.demo();
        analysis = TestStore.app().analysis();
        planning = TestStore.app().planning();
    }

    private static Scenario withdrawNhsEngland() {
        return new Scenario("nhse-withdraws", null, List.of(new Scenario.WithdrawFunder("fund-nhse")));
    }

    /** In Haringey: its first placed practitioner leaves and a setting where nobody is placed closes. */
    private static Scenario haringeyChanges(NetworkSnapshot snapshot) {
        Set<String> haringey = snapshot.settings().stream().filter(s -> HARINGEY.equals(s.boroughId()))
                .map(Setting::id).collect(Collectors.toSet());
        Placement placed = snapshot.placements().stream().filter(p -> haringey.contains(p.settingId())).findFirst()
                .orElseThrow();
        String closing = haringey.stream().filter(id -> !id.equals(placed.settingId())).sorted().findFirst().orElseThrow();
        return new Scenario("haringey", null, List.of(new Scenario.RemovePractitioner(placed.practitionerId()),
                new Scenario.CloseSetting(closing)));
    }

    @Test
    void aWhatIfFromTheCachedResultsEqualsOneComputingEverything() {
        AnalysisService.Scope all = analysis.scope(D, null);
        NetworkSnapshot snapshot = analysis.snapshot(D);
        WhatIfResult cached = planning.whatIf(withdrawNhsEngland(), all);
        assertEquals(WhatIf.compare(snapshot, withdrawNhsEngland(), null), cached);
        assertTrue(cached.after().displacedPeople() > 0 && !cached.differences().isEmpty(), "the scenario changes things");

        AnalysisService.Scope haringey = analysis.scope(D, HARINGEY);
        Scenario changes = haringeyChanges(snapshot);
        WhatIfResult inHaringey = planning.whatIf(changes, haringey);
        assertEquals(WhatIf.compare(snapshot, changes, HARINGEY), inHaringey);
        assertEquals(HARINGEY, inHaringey.boroughId());
        assertTrue(!inHaringey.differences().isEmpty(), "the scenario changes things");
    }

    @Test
    void theBeforeSideIsTheAnalysisCachesOwnResults() {
        AnalysisService.Scope scope = analysis.scope(D, null);
        WhatIfResult result = planning.whatIf(withdrawNhsEngland(), scope);
        assertSame(analysis.result(COVERAGE, scope), result.coverageBefore());
        assertSame(analysis.result(GAPS, scope), result.gapsBefore());
        assertSame(analysis.result(BOTTLENECKS, scope), result.bottlenecksBefore());
    }

    /** Another day's results would mix two days in one answer: refused, and they would not give the same answer. */
    @Test
    void anotherDaysResultsAreRefused() {
        LocalDate other = D.minusYears(1);
        AnalysisService.Scope otherScope = analysis.scope(other, null);
        WhatIf.Before otherDay = new WhatIf.Before(analysis.result(COVERAGE, otherScope), analysis.result(GAPS, otherScope),
                analysis.result(BOTTLENECKS, otherScope));
        NetworkSnapshot snapshot = analysis.snapshot(D);
        var e = assertThrows(IllegalArgumentException.class,
                () -> WhatIf.compare(snapshot, otherDay, withdrawNhsEngland(), null));
        assertEquals("the coverage given is of 2013-06-30, not of the what-if's day 2014-06-30", e.getMessage());
        assertTrue(!otherDay.coverage().summary().equals(analysis.result(COVERAGE, analysis.scope(D, null)).summary()),
                "the two days differ, so mixing them would change the answer");
    }
}
