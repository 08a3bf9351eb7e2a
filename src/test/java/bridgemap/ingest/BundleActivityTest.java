package bridgemap.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import bridgemap.model.ActivityMeasure;
import bridgemap.model.Bundle;
import bridgemap.model.NetworkSnapshot;
import bridgemap.model.ProgressListener;
import bridgemap.store.SnapshotRepository;
import bridgemap.store.StoreStats;
import bridgemap.testing.TestStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The optional activity, catchment and population files (issue 14): validated like every other bundle file, with the
 * exact message a user sees, and imported all or nothing.
 */
class BundleActivityTest {

    private static final String ACTIVITY = "setting,start,end,measure,count,mental_health_share,source\n"
            + "cust-isl,2013-04-01,2014-03-31,detentions,6000,,synthetic\n"
            + "po-isl,2013-04-01,2014-03-31,caseload,1500,0.56,synthetic\n";
    private static final String CATCHMENTS = "setting,boroughs,area\nmc-highbury,E09000019;E09000012,Islington and Hackney\n";
    private static final String POPULATIONS = "borough,year,population,source\nE09000019,2011,206125,ONS 2011 Census\n";

    @TempDir
    Path temp;

    private int copies;

    /** The tiny bundle with the three files. */
    private Path bundle() throws IOException {
        Path dir = TestStore.copyBundle("tiny", temp.resolve("bundle" + copies++));
        Files.writeString(dir.resolve("activity.csv"), ACTIVITY);
        Files.writeString(dir.resolve("catchments.csv"), CATCHMENTS);
        Files.writeString(dir.resolve("populations.csv"), POPULATIONS);
        return dir;
    }

    private List<String> problemsAfter(String file, String appended) throws IOException {
        Path dir = bundle();
        Files.writeString(dir.resolve(file), appended, java.nio.file.StandardOpenOption.APPEND);
        var e = assertThrows(BundleRejectedException.class,
                () -> BundleValidator.validate(BundleSource.read(dir, BundleSource.DEFAULT_MAX_BYTES), StoredIds.NONE));
        return e.problems().stream().map(Problem::toString).toList();
    }

    /** {@code row} appended to {@code file} is refused with exactly {@code problem}. */
    private void assertProblem(String file, String row, String problem) throws IOException {
        assertEquals(List.of(problem), problemsAfter(file, row));
    }

    @Test
    void theFilesAreRead() throws Exception {
        Bundle b = BundleValidator.validate(BundleSource.read(bundle(), BundleSource.DEFAULT_MAX_BYTES), StoredIds.NONE);
        assertEquals(2, b.activity().size());
        assertEquals(ActivityMeasure.CASELOAD, b.activity().get(1).measure());
        assertEquals(0.56, b.activity().get(1).mentalHealthShare());
        assertEquals(null, b.activity().get(0).mentalHealthShare());
        assertEquals(List.of("E09000019", "E09000012"), b.catchments().get(0).boroughIds());
        assertEquals(206125L, b.populations().get(0).people());
    }

    @Test
    void unknownIds() throws Exception {
        assertProblem("activity.csv", "nowhere,2013-04-01,2014-03-31,detentions,5,,\n",
                "activity.csv:4: setting: unknown setting \"nowhere\" (not in this bundle or the store)");
        assertProblem("catchments.csv", "cust-isl,E09000019;E09000099,\n",
                "catchments.csv:3: boroughs: unknown borough \"E09000099\" (not in this bundle or the store)");
        assertProblem("populations.csv", "E09000099,2011,5,\n",
                "populations.csv:3: borough: unknown borough \"E09000099\" (not in this bundle or the store)");
    }

    @Test
    void badNumbers() throws Exception {
        assertProblem("activity.csv", "cust-isl,2012-04-01,2013-03-31,detentions,12x,,\n",
                "activity.csv:4: count: \"12x\" is not a whole number");
        assertProblem("activity.csv", "cust-isl,2012-04-01,2013-03-31,detentions,12,1.5,\n",
                "activity.csv:4: mental_health_share: 1.5 is out of range (at least 0, at most 1)");
        assertProblem("populations.csv", "E09000012,2011,-4,\n",
                "populations.csv:3: population: -4 is out of range (0 to 100000000)");
    }

    @Test
    void datesOutOfOrderAndOverlaps() throws Exception {
        assertProblem("activity.csv", "cust-isl,2012-04-01,2012-03-31,detentions,12,,\n",
                "activity.csv:4: end: 2012-03-31 is before start 2012-04-01");
        assertProblem("activity.csv", "cust-isl,2014-01-01,2014-12-31,detentions,12,,\n",
                "activity.csv:4: start: 2014-01-01 to 2014-12-31 overlaps line 2's 2013-04-01 to 2014-03-31 "
                        + "of detentions at cust-isl; one setting's periods of a measure must not overlap");
    }

    @Test
    void aMeasureFitsItsSettingAndACatchmentHoldsItsOwnBorough() throws Exception {
        assertProblem("activity.csv", "cust-isl,2012-04-01,2013-03-31,caseload,12,,\n",
                "activity.csv:4: measure: \"caseload\" does not fit Islington police custody suite (police "
                        + "custody); expected detentions");
        assertProblem("catchments.csv", "cust-isl,E09000012,\n",
                "catchments.csv:3: boroughs: does not include E09000019, the borough Islington police custody "
                        + "suite stands in; a catchment lists every borough the setting serves, its own among them");
    }

    @Test
    void importedAllOrNothing() throws Exception {
        TestStore.clear(); // the store is shared by the test JVM: start from the tiny bundle alone
        TestStore.importBundle("tiny");
        StoreStats before = TestStore.stats();
        Path bad = bundle();
        Files.writeString(bad.resolve("populations.csv"), "E09000012,2011,many,\n", java.nio.file.StandardOpenOption.APPEND);
        var e = assertThrows(BundleRejectedException.class,
                () -> TestStore.app().imports().importPath(bad, ProgressListener.NONE));
        assertEquals(List.of("populations.csv:3: population: \"many\" is not a whole number"),
                e.problems().stream().map(Problem::toString).toList());
        assertEquals(before, TestStore.stats());

        TestStore.app().imports().importPath(bundle(), ProgressListener.NONE);
        NetworkSnapshot snapshot = new SnapshotRepository(TestStore.app().store()).load(LocalDate.of(2014, 3, 31));
        assertEquals(java.util.Set.of("E09000019", "E09000012"),
                java.util.Set.copyOf(snapshot.boroughsServed().get("mc-highbury")));
        assertEquals(2, snapshot.activity().size());
        assertEquals(1, snapshot.populations().size());
    }
}
