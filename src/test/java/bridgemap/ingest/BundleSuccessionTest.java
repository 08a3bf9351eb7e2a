package bridgemap.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bridgemap.app.AppConfig;
import bridgemap.app.BridgemapApp;
import bridgemap.ingest.ImportService.BulkMode;
import bridgemap.model.Bundle;
import bridgemap.model.ProgressListener;
import bridgemap.model.Succession;
import bridgemap.model.Succession.Takes;
import bridgemap.store.StoreStats;
import bridgemap.testing.TestStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code successions.csv} (issue 15): each rule of docs/bundle-format.md refused with the exact message a user sees
 * (file:line: column), checked against the store's successions too, and written by both import paths so that a backup
 * restores it exactly.
 */
class BundleSuccessionTest {

    /** The 2014 probation split, its 2021 reunification and the probation funder's succession. */
    static final String SUCCESSIONS = "predecessor,successor,date,takes,note\n"
            + "lpt,nps,2014-06-01,role;partnerships,Offender Rehabilitation Act 2014\n"
            + "lpt,crc,2014-06-01,posts,\n"
            + "f-lpt,f-nps,2014-06-01,role;funding,\n"
            + "nps,ps,2021-06-26,,\n"
            + "crc,ps,2021-06-26,posts;role,\n";

    @TempDir
    Path temp;

    private int copies;

    /** The tiny bundle with the successor agencies and funder, and {@code successions} as successions.csv. */
    static Path bundle(Path dir, String successions) throws IOException {
        TestStore.copyBundle("tiny", dir);
        Files.writeString(dir.resolve("agencies.csv"), "nps,National Probation Service,criminal_justice,probation,\n"
                + "crc,London Community Rehabilitation Company,criminal_justice,probation,\n"
                + "ps,Probation Service,criminal_justice,probation,\n", StandardOpenOption.APPEND);
        Files.writeString(dir.resolve("funders.csv"), "f-nps,National Probation Service,probation\n",
                StandardOpenOption.APPEND);
        Files.writeString(dir.resolve("successions.csv"), successions);
        return dir;
    }

    private Path bundle(String successions) throws IOException {
        return bundle(temp.resolve("bundle" + copies++), successions);
    }

    private List<String> problems(String successions, StoredIds stored) throws IOException {
        Path dir = bundle(successions);
        var e = assertThrows(BundleRejectedException.class,
                () -> BundleValidator.validate(BundleSource.read(dir, BundleSource.DEFAULT_MAX_BYTES), stored));
        return e.problems().stream().map(Problem::toString).toList();
    }

    /** {@code rows} appended to the valid successions are refused with exactly {@code expected}. */
    private void assertProblems(String rows, String... expected) throws IOException {
        assertEquals(List.of(expected), problems(SUCCESSIONS + rows, StoredIds.NONE));
    }

    @Test
    void theFileIsRead() throws Exception {
        Bundle b = BundleValidator.validate(BundleSource.read(bundle(SUCCESSIONS), BundleSource.DEFAULT_MAX_BYTES),
                StoredIds.NONE);
        assertEquals(5, b.successions().size());
        Succession first = b.successions().get(0);
        assertEquals(new Succession("lpt", "nps", LocalDate.of(2014, 6, 1), Set.of(Takes.ROLE, Takes.PARTNERSHIPS),
                "Offender Rehabilitation Act 2014"), first);
        assertEquals(LocalDate.of(2014, 5, 31), first.lastDay());
        assertEquals(Set.of(Takes.ROLE), b.successions().get(3).takes(), "an empty takes means role");
        assertEquals(null, b.successions().get(3).note());
    }

    @Test
    void unknownIdsSelfAndMixedKinds() throws Exception {
        assertProblems("lpt,nowhere,2014-06-01,,\n",
                "successions.csv:7: successor: unknown agency or funder \"nowhere\" (not in this bundle or the store)");
        assertProblems("cust-isl,lpt,2014-06-01,,\n",
                "successions.csv:7: predecessor: \"cust-isl\" is a setting; expected an agency or funder");
        assertProblems("together,together,2014-06-01,,\n",
                "successions.csv:7: successor: an organisation cannot succeed itself");
        assertProblems("together,f-nps,2014-06-01,,\n",
                "successions.csv:7: successor: \"f-nps\" is a funder but \"together\" is an agency; a succession joins "
                        + "two agencies or two funders");
    }

    @Test
    void badOrMissingDatesAndParts() throws Exception {
        assertProblems("together,ps,,,\n", "successions.csv:7: date: required value is empty");
        assertProblems("together,ps,2021-02-30,,\n", "successions.csv:7: date: \"2021-02-30\" is not a real date");
        assertProblems("together,ps,1 June 2014,,\n",
                "successions.csv:7: date: \"1 June 2014\" is not a date (expected YYYY-MM-DD)");
        assertProblems("together,ps,2022-01-01,staff,\n",
                "successions.csv:7: takes: unknown part \"staff\" (expected some of: role, funding, posts, partnerships, "
                        + "separated by ';'; empty means role)");
        // Parts with no rows of the organisation's kind (an agency funds nothing) are allowed and move nothing.
        assertEquals(7, BundleValidator.validate(BundleSource.read(bundle(SUCCESSIONS
                + "together,drugs-isl,2022-01-01,role;funding,\nf-jl,f-lpt,2012-01-01,posts;partnerships,\n"),
                BundleSource.DEFAULT_MAX_BYTES), StoredIds.NONE).successions().size());
    }

    @Test
    void duplicateRows() throws Exception {
        assertProblems("lpt,crc,2014-06-01,role,\n",
                "successions.csv:7: successor: duplicate succession of lpt by crc (first at line 3)");
    }

    @Test
    void aCycleIsRefusedAtTheLineThatClosesIt() throws Exception {
        assertProblems("ps,lpt,2022-01-01,,\n",
                "successions.csv:7: successor: closes a cycle: ps → lpt → crc → ps; an organisation cannot come back "
                        + "as its own successor");
        assertEquals(List.of("successions.csv:3: successor: closes a cycle: drugs-isl → together → drugs-isl; an "
                        + "organisation cannot come back as its own successor"),
                problems("predecessor,successor,date\ntogether,drugs-isl,2015-01-01\ndrugs-isl,together,2016-01-01\n",
                        StoredIds.NONE));
    }

    @Test
    void datesMustIncreaseAlongAChain() throws Exception {
        // ps takes over from crc on 2021-06-26, so it cannot be succeeded on or before that day.
        assertProblems("ps,together,2021-06-26,,\n",
                "successions.csv:7: date: ps takes over from nps on 2021-06-26 but is succeeded by together on "
                        + "2021-06-26 (line 5); dates along a chain must increase: an organisation is succeeded only "
                        + "after it took over",
                "successions.csv:7: date: ps takes over from crc on 2021-06-26 but is succeeded by together on "
                        + "2021-06-26 (line 6); dates along a chain must increase: an organisation is succeeded only "
                        + "after it took over");
        // A predecessor's successor given earlier in the file than the row it is out of order with: reported once,
        // at the later line.
        assertEquals(List.of("successions.csv:3: date: drugs-isl takes over from together on 2016-01-01 but is "
                        + "succeeded by hmcts on 2015-01-01 (line 2); dates along a chain must increase: an organisation "
                        + "is succeeded only after it took over"),
                problems("predecessor,successor,date\ndrugs-isl,hmcts,2015-01-01\ntogether,drugs-isl,2016-01-01\n",
                        StoredIds.NONE));
    }

    @Test
    void aSplitHandsEachOfFundingPostsAndPartnershipsToOneSuccessorOnOneDay() throws Exception {
        assertProblems("lpt,hmcts,2014-06-01,posts;partnerships,\n",
                "successions.csv:7: takes: lpt's posts already pass to crc (line 3); when one predecessor has several "
                        + "successors, at most one of them takes each of funding, posts and partnerships",
                "successions.csv:7: takes: lpt's partnerships already pass to nps (line 2); when one predecessor has "
                        + "several successors, at most one of them takes each of funding, posts and partnerships");
        assertProblems("lpt,hmcts,2014-07-01,role,\n",
                "successions.csv:7: date: lpt is succeeded by nps from 2014-06-01 (line 2); all of one predecessor's "
                        + "successors take over on the same day, the day after its last");
    }

    @Test
    void theStoredSuccessionsCount() throws Exception {
        StoredIds stored = new StoredIds(Map.of("x", NodeKind.AGENCY), List.of(), List.of(), List.of(
                new Succession("ps", "together", LocalDate.of(2022, 1, 1), Set.of(), null),
                new Succession("lpt", "hmcts", LocalDate.of(2014, 6, 1), Set.of(Takes.POSTS), null)));
        assertEquals(List.of(
                "successions.csv:3: takes: lpt's posts already pass to hmcts (already stored); when one predecessor has "
                        + "several successors, at most one of them takes each of funding, posts and partnerships",
                "successions.csv:7: successor: closes a cycle: together → lpt → crc → ps → together; an organisation "
                        + "cannot come back as its own successor"),
                problems(SUCCESSIONS + "together,lpt,2010-01-01,,\n", stored));
        // A bundle row of the same predecessor and successor replaces the stored one.
        StoredIds replaced = new StoredIds(Map.of(), List.of(), List.of(), List.of(
                new Succession("lpt", "crc", LocalDate.of(2014, 1, 1), Set.of(Takes.FUNDING), null)));
        assertEquals(5, BundleValidator.validate(BundleSource.read(bundle(SUCCESSIONS), BundleSource.DEFAULT_MAX_BYTES),
                replaced).successions().size());
    }

    @Test
    void bothImportPathsWriteTheSameGraphAndABackupRestoresIt() throws Exception {
        TestStore.clear();
        Path bundle = bundle(SUCCESSIONS);
        TestStore.app().imports().importPath(bundle, ProgressListener.NONE);
        StoreStats stats = TestStore.stats();
        assertEquals(5L, stats.relationships().get("SUCCEEDED_BY"));
        String fingerprint = TestStore.app().fingerprint();
        Map<BundleFile, byte[]> backup = TestStore.app().backupFiles();
        assertEquals(SUCCESSIONS.replace("lpt,nps,2014-06-01,role;partnerships", "lpt,nps,2014-06-01,role;partnerships")
                        .replace("lpt,crc,2014-06-01,posts,", "lpt,crc,2014-06-01,posts,")
                        .replace("nps,ps,2021-06-26,,", "nps,ps,2021-06-26,role,")
                        .replace("crc,ps,2021-06-26,posts;role,", "crc,ps,2021-06-26,role;posts,"),
                sortedRows(new String(backup.get(BundleFile.SUCCESSIONS), java.nio.charset.StandardCharsets.UTF_8)));

        // Importing it again changes nothing.
        assertTrue(TestStore.app().imports().importPath(bundle, ProgressListener.NONE).summary().changedNothing());

        // The backup restores exactly.
        Path zip = temp.resolve("backup.zip");
        BundleCsv.write(backup, zip);
        TestStore.clear();
        TestStore.app().imports().importPath(zip, ProgressListener.NONE);
        assertEquals(stats, TestStore.stats());
        assertEquals(fingerprint, TestStore.app().fingerprint());

        // The bulk importer writes the same graph.
        try (BridgemapApp app = BridgemapApp.open(AppConfig.fromEnvironment(Map.of(), temp.resolve("bulk")))) {
            app.imports().importSource(BundleSource.read(bundle, BundleSource.DEFAULT_MAX_BYTES), ProgressListener.NONE,
                    BulkMode.ALWAYS);
            assertEquals(stats, app.stats().stats());
            assertEquals(fingerprint, app.fingerprint());
        }
    }

    /** The header, then the rows in the order of {@link #SUCCESSIONS} (a backup sorts them by key). */
    private static String sortedRows(String csv) {
        List<String> lines = csv.lines().toList();
        List<String> order = SUCCESSIONS.lines().map(l -> l.substring(0, l.indexOf(',', l.indexOf(',') + 1))).toList();
        return lines.get(0) + "\n" + String.join("\n", lines.subList(1, lines.size()).stream()
                .sorted(java.util.Comparator.comparingInt(l -> order.indexOf(l.substring(0, l.indexOf(',', l.indexOf(',') + 1)))))
                .toList()) + "\n";
    }
}
