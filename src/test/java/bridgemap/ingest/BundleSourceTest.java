package bridgemap.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Hostile zips: bombs and entries whose paths would escape a folder are refused with a clear problem. */
class BundleSourceTest {

    @TempDir
    Path temp;

    static final byte[] NEEDS = "id,name\npsychosis,Psychosis\n".getBytes(StandardCharsets.UTF_8);

    /** A zip holding {@code entries} (name, bytes, name, bytes …). */
    private Path zip(String name, Object... entries) throws IOException {
        Path zip = temp.resolve(name);
        try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream z = new ZipOutputStream(out)) {
            for (int i = 0; i < entries.length; i += 2) {
                z.putNextEntry(new ZipEntry((String) entries[i]));
                z.write((byte[]) entries[i + 1]);
                z.closeEntry();
            }
        }
        return zip;
    }

    private static List<String> problems(Path zip, long maxBytes) {
        var e = assertThrows(BundleRejectedException.class, () -> BundleSource.read(zip, maxBytes));
        return e.problems().stream().map(Problem::toString).toList();
    }

    @Test
    void aTinyZipThatExpandsHugelyIsRefusedAfterABoundedRead() throws IOException {
        // 64 MiB of zeros deflate to about 65 kB (a real bomb nests or repeats this); the size limit alone would let
        // all of it into memory.
        Path bomb = temp.resolve("bomb.zip");
        byte[] zeros = new byte[1 << 20];
        try (OutputStream out = Files.newOutputStream(bomb); ZipOutputStream z = new ZipOutputStream(out)) {
            z.setLevel(Deflater.BEST_COMPRESSION);
            z.putNextEntry(new ZipEntry("referrals.csv"));
            for (int i = 0; i < 64; i++) {
                z.write(zeros);
            }
            z.closeEntry();
        }
        assertTrue(Files.size(bomb) < 100_000, "the bomb is " + Files.size(bomb) + " bytes");
        List<String> problems = assertTimeoutPreemptively(Duration.ofSeconds(20),
                () -> problems(bomb, BundleSource.DEFAULT_MAX_BYTES));
        assertEquals(1, problems.size());
        assertTrue(problems.get(0).matches("bomb\\.zip:0: \\(bundle\\): referrals\\.csv expands more than 100 times "
                + "\\(\\d+ compressed bytes\\); CSV does not compress that well: refused as a likely zip bomb"), problems.get(0));
    }

    @Test
    void theSizeLimitCountsUnpackedBytesAcrossEntries() throws IOException {
        byte[] half = "x".repeat(600_000).getBytes(StandardCharsets.UTF_8);
        Path zip = zip("two.zip", "cases.csv", half, "referrals.csv", half);
        assertEquals(List.of("two.zip:0: (bundle): uncompressed bundle is larger than the limit of 1000000 bytes (at referrals.csv)"),
                problems(zip, 1_000_000));
    }

    @Test
    void regularCsvUnderTheLimitIsRead() throws Exception {
        // 2 MiB of varied rows compresses well, but nowhere near a bomb's ratio.
        StringBuilder rows = new StringBuilder("id,name\n");
        for (int i = 0; rows.length() < 2 << 20; i++) {
            rows.append("need-").append(i).append(",Need number ").append(i * 7919 % 100_003).append('\n');
        }
        Path zip = zip("big-but-fine.zip", "bundle/needs.csv", rows.toString().getBytes(StandardCharsets.UTF_8));
        assertEquals(rows.length(), BundleSource.read(zip, BundleSource.DEFAULT_MAX_BYTES).files().get(BundleFile.NEEDS).length);
    }

    @ParameterizedTest
    @ValueSource(strings = {"../../x/needs.csv", "bundle/../../needs.csv", "/etc/needs.csv", "C:/bundle/needs.csv",
            "c:needs.csv", "bundle\\needs.csv", "..\\..\\needs.csv"})
    void entriesThatWouldEscapeAFolderAreRefusedNotRenamed(String entry) throws IOException {
        Path zip = zip("slip.zip", entry, NEEDS);
        List<String> problems = problems(zip, BundleSource.DEFAULT_MAX_BYTES);
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("slip.zip:0: (zip): entry \"" + entry + "\" "), problems.get(0));
        assertTrue(problems.get(0).endsWith("; a bundle zip holds only its CSV files (zip the bundle folder again)"),
                problems.get(0));
    }

    @Test
    void anUnsafeEntryRefusesTheZipEvenBesideGoodFilesAndEvenWhenNotACsv() throws IOException {
        Path zip = zip("mixed.zip", "needs.csv", NEEDS, "../evil.sh", "#!/bin/sh\n".getBytes(StandardCharsets.UTF_8));
        assertEquals(List.of("mixed.zip:0: (zip): entry \"../evil.sh\" climbs out of the zip with \"..\"; "
                + "a bundle zip holds only its CSV files (zip the bundle folder again)"), problems(zip, BundleSource.DEFAULT_MAX_BYTES));
    }

    @Test
    void whyAPathIsUnsafe() {
        assertEquals(Optional.of("has a backslash in its path"), BundleSource.unsafePath("a\\b.csv"));
        assertEquals(Optional.of("has an absolute path"), BundleSource.unsafePath("/a.csv"));
        assertEquals(Optional.of("has an absolute path"), BundleSource.unsafePath("D:a.csv"));
        assertEquals(Optional.of("climbs out of the zip with \"..\""), BundleSource.unsafePath("a/../../b.csv"));
        assertEquals(Optional.of("has a control character in its path"), BundleSource.unsafePath("a\nb.csv"));
        assertEquals(Optional.empty(), BundleSource.unsafePath("bundle/cases.csv"));
        assertEquals(Optional.empty(), BundleSource.unsafePath("./cases.csv"));
        assertEquals(Optional.empty(), BundleSource.unsafePath("..cases.csv"));
        assertEquals(Optional.empty(), BundleSource.unsafePath("__MACOSX/._cases.csv"));
    }
}
