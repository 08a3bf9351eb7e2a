package bridgemap.service;

import static bridgemap.catalogue.Analyses.COVERAGE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bridgemap.store.CaseRepository;
import bridgemap.store.SnapshotRepository;
import bridgemap.testing.TestStore;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/**
 * The service answers from the store until its projection is ready, then from the projection, with the same snapshots
 * either way; after an import ({@link AnalysisService#invalidate()}) it builds a new one of the new content.
 */
class AnalysisServiceProjectionTest {

    @Test
    void snapshotsComeFromTheStoreUntilTheProjectionIsReadyAndAreTheSameAfter() throws Exception {
        TestStore.clear();
        TestStore.importBundle("tiny");
        SnapshotRepository store = new SnapshotRepository(TestStore.app().store(), TestStore.app().disclosureKey());
        AnalysisService analysis = new AnalysisService(store, new CaseRepository(TestStore.app().store()),
                Clock.systemUTC());
        LocalDate day = LocalDate.of(2014, 3, 1);

        assertFalse(analysis.projectionReady(), "nothing is projected unless asked");
        assertEquals(store.load(day), analysis.snapshot(day));
        var fromStore = analysis.result(COVERAGE, analysis.scope(day, null));

        analysis.keepProjection();
        assertTrue(analysis.awaitProjection(Duration.ofSeconds(60)), "the projection is built in the background");
        analysis.invalidate();
        assertTrue(analysis.awaitProjection(Duration.ofSeconds(60)), "and again after an import");
        LocalDate other = day.minusDays(40);
        assertEquals(store.load(other), analysis.snapshot(other));
        assertEquals(store.load(day), analysis.snapshot(day));
        assertEquals(fromStore, analysis.result(COVERAGE, analysis.scope(day, null)));
        assertEquals(store.history(), analysis.history());
        assertEquals(store.history(day.minusYears(2), day), analysis.referralHistory(day.minusYears(2), day));
        assertEquals(day, analysis.defaultAsOf());

        TestStore.clear();
        analysis.invalidate();
        assertTrue(analysis.awaitProjection(Duration.ofSeconds(60)));
        assertEquals(0, analysis.snapshot(day).referrals().size(), "the new content, not the old projection's");
        assertEquals(store.load(day), analysis.snapshot(day));
    }
}
