package bridgemap.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bridgemap.model.Bundle;
import bridgemap.model.Outcome;
import bridgemap.model.Period;
import bridgemap.model.Placement;
import bridgemap.model.ProgressListener;
import bridgemap.model.Referral;
import bridgemap.store.BundleWriter;
import bridgemap.store.StoreStats;
import bridgemap.store.WriteSummary;
import bridgemap.testing.TestStore;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Imports into the real embedded store: counts, idempotence, all-or-nothing, updates, zips. */
class ImportServiceTest {

    @TempDir
    Path temp;

    @BeforeEach
    void emptyStore() {
        TestStore.clear();
    }

    @Test
    void importsEveryEntityAndRelationship() throws Exception {
        ImportResult result = TestStore.importBundle("tiny");
        assertEquals(34, result.summary().rows());
        assertEquals(34, result.summary().created());
        StoreStats stats = TestStore.stats();
        assertEquals(Map.of("Agency", 6L, "Borough", 2L, "Case", 2L, "Funder", 2L, "Need", 3L, "Practitioner", 2L,
                "Referral", 4L, "Service", 2L, "Setting", 3L), stats.labels());
        assertEquals(3, stats.relationshipCount("PLACED_AT"));
        assertEquals(3, stats.relationshipCount("FUNDS"));
        assertEquals(3, stats.relationshipCount("SERVES"), "sms-isl serves two boroughs, cmht-isl one");
        assertEquals(3, stats.relationshipCount("ACCEPTS"));
        assertEquals(2, stats.relationshipCount("EXCLUDES"));
        assertEquals(4, stats.relationshipCount("FROM"));
        assertEquals(4, stats.relationshipCount("TO"));
        assertEquals(4, stats.relationshipCount("HAD"));
        assertEquals(3, stats.relationshipCount("HAS_NEED"));
        assertEquals(2, stats.relationshipCount("PARTNERS_WITH"));
        // OPERATES_IN is derived: hmcts, lpt, mps run settings in Islington; the trust and the drugs provider
        // serve Islington, and the drugs provider Hackney too.
        assertEquals(6, stats.relationshipCount("OPERATES_IN"));
    }

    @Test
    void reimportingTheSameBundleChangesNothing() throws Exception {
        TestStore.importBundle("tiny");
        StoreStats before = TestStore.stats();
        WriteSummary again = TestStore.importBundle("tiny").summary();
        assertTrue(again.changedNothing(), () -> "second import wrote " + again);
        assertEquals(34, again.entities().stream().mapToLong(WriteSummary.EntityCounts::unchanged).sum());
        assertEquals(before, TestStore.stats());
    }

    @Test
    void aRejectedBundleLeavesTheStoreExactlyAsItWas() throws Exception {
        TestStore.importBundle("tiny");
        StoreStats before = TestStore.stats();
        Path bad = TestStore.copyBundle("tiny", temp.resolve("bad"));
        // A new valid referral and a new case, then one bad row: none of it may land.
        Files.writeString(bad.resolve("cases.csv"), "c-0003,E09000012,35-44,female,psychosis\n",
                java.nio.file.StandardOpenOption.APPEND);
        Files.writeString(bad.resolve("referrals.csv"),
                "r-0009,c-0003,2014-05-01,po-isl,cmht-isl,accepted,\nr-0010,c-0003,2014-05-02,po-isl,nowhere,declined,\n",
                java.nio.file.StandardOpenOption.APPEND);
        var e = assertThrows(BundleRejectedException.class,
                () -> TestStore.app().imports().importPath(bad, ProgressListener.NONE));
        assertEquals(List.of("referrals.csv:7: to: unknown service, agency or practitioner \"nowhere\" "
                + "(not in this bundle or the store)"), e.problems().stream().map(Problem::toString).toList());
        assertEquals(before, TestStore.stats());
    }

    @Test
    void aWriteThatFailsHalfWayIsRolledBack() throws Exception {
        TestStore.importBundle("tiny");
        StoreStats before = TestStore.stats();
        // Bypass validation: the placements write, then a referral names a case the store does not hold,
        // as if it had been deleted between validation and writing.
        Bundle bundle = new Bundle(List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
                List.of(new Placement("fmhp-isl-01", "po-isl", new Period(LocalDate.of(1995, 1, 1), null))),
                List.of(), List.of(), List.of(), List.of(),
                List.of(new Referral("r-bad", "no-such-case", LocalDate.of(2014, 1, 1), "po-isl", "cmht-isl",
                        Outcome.ACCEPTED, null)));
        var e = assertThrows(IllegalStateException.class,
                () -> new BundleWriter(TestStore.app().store()).write(bundle, ProgressListener.NONE));
        assertEquals("Only 0 of 1 rows of referrals.csv could be written (a referenced node is missing); "
                + "the import was rolled back", e.getMessage());
        assertEquals(before, TestStore.stats());
    }

    @Test
    void changedRowsAreUpdatedAndRelationshipsFollow() throws Exception {
        TestStore.importBundle("tiny");
        Path changed = TestStore.copyBundle("tiny", temp.resolve("changed"));
        // The court moves borough, the CMHT stops excluding substance misuse, a need is added to a case.
        Files.writeString(changed.resolve("settings.csv"), Files.readString(changed.resolve("settings.csv"))
                .replace("magistrates_court,E09000019", "magistrates_court,E09000012"));
        Files.writeString(changed.resolve("services.csv"), Files.readString(changed.resolve("services.csv"))
                .replace("personality_disorder,substance_misuse,40", "personality_disorder,,40"));
        Files.writeString(changed.resolve("cases.csv"), Files.readString(changed.resolve("cases.csv"))
                .replace("female,psychosis", "female,psychosis;substance_misuse"));
        WriteSummary summary = TestStore.app().imports().importPath(changed, ProgressListener.NONE).summary();
        assertEquals(0, summary.created());
        assertEquals(3, summary.updated());
        StoreStats stats = TestStore.stats();
        assertEquals(1, stats.relationshipCount("EXCLUDES"));
        assertEquals(4, stats.relationshipCount("HAS_NEED"));
        assertEquals(3, stats.relationshipCount("IN"));
        // hmcts now operates in Hackney as well as … nowhere else: its only setting moved.
        assertEquals(6, stats.relationshipCount("OPERATES_IN"));
    }

    @Test
    void aLaterBundleMayReferToWhatIsAlreadyStored() throws Exception {
        TestStore.importBundle("tiny");
        WriteSummary summary = TestStore.importBundle("tiny-more").summary();
        assertEquals(1, summary.created());
        assertEquals(5, TestStore.stats().count("Referral"));
    }

    @Test
    void importsAZipEvenWhenItsFilesSitInAFolder() throws Exception {
        Path zip = temp.resolve("tiny.zip");
        try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream z = new ZipOutputStream(out)) {
            try (var files = Files.list(TestStore.bundlePath("tiny"))) {
                for (Path file : files.sorted().toList()) {
                    z.putNextEntry(new ZipEntry("tiny/" + file.getFileName()));
                    z.write(Files.readAllBytes(file));
                    z.closeEntry();
                }
            }
            z.putNextEntry(new ZipEntry("tiny/README.md"));
            z.write("not a CSV: ignored".getBytes());
            z.closeEntry();
        }
        assertEquals(34, TestStore.app().imports().importPath(zip, ProgressListener.NONE).summary().created());
    }

    @Test
    void aZipLargerThanTheLimitIsRefusedBeforeItIsUnpacked() throws IOException {
        Path zip = temp.resolve("big.zip");
        try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream z = new ZipOutputStream(out)) {
            z.putNextEntry(new ZipEntry("cases.csv"));
            byte[] line = "c-0001,E09000019,25-34,male,\n".repeat(1000).getBytes();
            for (int i = 0; i < 100; i++) {
                z.write(line);
            }
            z.closeEntry();
        }
        var e = assertThrows(BundleRejectedException.class, () -> BundleSource.read(zip, 1_000_000));
        assertEquals("big.zip:0: (bundle): uncompressed bundle is larger than the limit of 1000000 bytes (at cases.csv)",
                e.problems().get(0).toString());
    }
}
