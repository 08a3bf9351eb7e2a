package bridgemap.service;

import bridgemap.service.AnalysisService;
import static bridgemap.catalogue.Analyses.BOTTLENECKS;
import static bridgemap.catalogue.Analyses.COVERAGE;
import static bridgemap.catalogue.Analyses.GAPS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bridgemap.analysis.coverage.CellStatus;
import bridgemap.analysis.gaps.ConflictStatus;
import bridgemap.model.SettingKind;
import bridgemap.testing.TestStore;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The service layer over the real store, on the tiny bundle where every answer can be checked by hand. */
class AnalysisServiceTest {

    private AnalysisService analysis;

    @BeforeEach
    void tiny() throws Exception {
        TestStore.clear();
        TestStore.importBundle("tiny");
        analysis = TestStore.app().analysis();
    }

    @Test
    void theDefaultDayIsTheLatestReferral() {
        assertEquals(new AnalysisService.Scope(LocalDate.of(2014, 3, 1), null), analysis.scope(null, null));
    }

    @Test
    void anUnknownBoroughIsBadInput() {
        var e = assertThrows(IllegalArgumentException.class, () -> analysis.scope(null, "E09000099"));
        assertTrue(e.getMessage().startsWith("unknown borough \"E09000099\""), e.getMessage());
    }

    @Test
    void personalityDisorderWithSubstanceMisuseFallsBetweenTwoStools() {
        var conflicts = analysis.result(GAPS, analysis.scope(null, "E09000019")).exclusionConflicts().conflicts();
        var pdSm = conflicts.stream().filter(c -> c.needs().equals(List.of("personality_disorder", "substance_misuse")))
                .findFirst().orElseThrow();
        assertEquals(ConflictStatus.SPLIT, pdSm.status());
        assertEquals(1, pdSm.cases().value());
        assertTrue(pdSm.exclusion());
        assertEquals(List.of("cmht-isl", "sms-isl"), pdSm.services().stream().map(s -> s.service().id()).sorted().toList());
    }

    @Test
    void theOnlyPractitionerAtHighburyCornerMakesItFragile() {
        var cells = analysis.result(COVERAGE, analysis.scope(LocalDate.of(2014, 3, 1), null)).cells();
        var court = cells.stream().filter(c -> c.kind() == SettingKind.MAGISTRATES_COURT).findFirst().orElseThrow();
        assertEquals(CellStatus.FRAGILE, court.status());
        assertEquals(List.of("single practitioner", "single funder"), court.reasons());
        assertEquals(0.4, court.fte(), 1e-9, "0.8 FTE split over the court and the probation office");
        var custody = cells.stream().filter(c -> c.kind() == SettingKind.POLICE_CUSTODY).findFirst().orElseThrow();
        assertEquals(CellStatus.HOLE, custody.status());
    }

    @Test
    void theFmhpIsTheOnlyBridgeFromTheCourtToHealth() {
        var result = analysis.result(BOTTLENECKS, analysis.scope(LocalDate.of(2014, 3, 1), null));
        var court = result.entryRoutes().stream().filter(r -> r.entry().id().equals("mc-highbury")).findFirst().orElseThrow();
        assertEquals("sole_bridge", court.status());
        assertEquals(List.of("fmhp-isl-02"), court.through().stream().map(n -> n.id()).toList());
        var custody = result.entryRoutes().stream().filter(r -> r.entry().id().equals("cust-isl")).findFirst().orElseThrow();
        assertEquals("direct", custody.status());
        assertEquals("direct_edges", result.brokerCut().kind());
        assertEquals(1, result.brokerCut().directEdges());
        var fmhp = result.nodes().stream().filter(m -> m.node().id().equals("fmhp-isl-02")).findFirst().orElseThrow();
        // 3 referrals (1 received, 2 sent) for 0.8 FTE.
        assertEquals(3 / 0.8, fmhp.referralsPerFte().value(), 1e-9);
        assertTrue(fmhp.articulationPoint());
        assertEquals("fmhp-isl-02 at Highbury Corner Magistrates' Court & Islington probation office", fmhp.node().name());
    }

    @Test
    void aNodesMeasuresAreTheCachedBottlenecks() {
        LocalDate day = LocalDate.of(2014, 3, 1);
        var detail = analysis.node("fmhp-isl-02", day);
        var cached = analysis.result(BOTTLENECKS, analysis.scope(day, null)).nodes().stream()
                .filter(m -> m.node().id().equals("fmhp-isl-02")).findFirst().orElseThrow();
        assertSame(cached, detail.measures(), "node() reads the cached analysis instead of computing it again");
    }

    @Test
    void theHeadlinesAreTheCachedAnalysesOfBothDays() {
        var scope = analysis.scope(LocalDate.of(2014, 3, 1), "E09000019");
        var headlines = analysis.headlines(scope);
        var yearBefore = new AnalysisService.Scope(LocalDate.of(2013, 3, 1), "E09000019");
        assertSame(analysis.result(GAPS, scope).deadEnds().rate(), headlines.current().deadEndRate());
        assertSame(analysis.result(GAPS, yearBefore).deadEnds().rate(), headlines.yearBefore().deadEndRate());
        assertEquals(analysis.result(COVERAGE, scope).summary().holes(), headlines.current().holes());
    }

    @Test
    void anImportIsSeenByTheNextAnalysis() throws Exception {
        LocalDate day = LocalDate.of(2014, 4, 1);
        assertEquals(4, analysis.snapshot(day).referrals().size());
        TestStore.app().imports().importPath(TestStore.bundlePath("tiny-more"), bridgemap.model.ProgressListener.NONE);
        assertEquals(5, analysis.snapshot(day).referrals().size(), "the cached snapshot was dropped");
    }
}
