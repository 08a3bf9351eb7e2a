package bridgemap.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bridgemap.model.ProgressListener;
import bridgemap.testing.TestStore;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13, item 4: the zip limits are one set of checks shared by bundle and Open Referral zips, made on the sizes a
 * zip declares before anything is inflated, and held to on the bytes it really inflates to.
 */
class BoundedZipTest {

    @TempDir
    Path temp;

    /** A zip of one entry of {@code mib} MiB of zeros, deflated as hard as possible. */
    private Path zeros(String zipName, String entry, int mib) throws IOException {
        Path zip = temp.resolve(zipName);
        try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream z = new ZipOutputStream(out)) {
            z.setLevel(Deflater.BEST_COMPRESSION);
            z.putNextEntry(new ZipEntry(entry));
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < mib; i++) {
                z.write(zeros);
            }
            z.closeEntry();
        }
        return zip;
    }

    @Test
    void anOpenReferralZipBombIsRefusedLikeABundleOneBeforeItIsUnpacked() throws Exception {
        // Issue 13: the Open Referral path had no expansion check and inflated up to 512 MiB of this.
        Path bomb = zeros("bomb.zip", "london/services.csv", 200);
        assertTrue(Files.size(bomb) < 250_000, "the bomb is " + Files.size(bomb) + " bytes");
        TestStore.app();
        var e = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> assertThrows(BundleTooLargeException.class,
                () -> TestStore.app().openReferral().importPath(bomb, null, ProgressListener.NONE)));
        assertTrue(e.problems().get(0).toString().matches("bomb\\.zip:0: \\(directory\\): london/services\\.csv expands "
                + "more than 100 times \\(\\d+ compressed bytes\\); CSV does not compress that well: refused as a likely "
                + "zip bomb"), e.problems().toString());
    }

    @Test
    void aZipThatUnderstatesItsSizeIsCutOffAtWhatItDeclares() throws Exception {
        // A bomb that declares a small size in its central directory passes the checks made before inflating;
        // reading it stops where its declared size ends.
        Path zip = zeros("liar.zip", "referrals.csv", 64);
        byte[] bytes = Files.readAllBytes(zip);
        ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        int directory = buffer.getInt(bytes.length - 22 + 16);
        assertEquals(0x02014b50, buffer.getInt(directory));
        int compressed = buffer.getInt(directory + 20);
        buffer.putInt(directory + 24, compressed * 50); // uncompressed size: 50 times the compressed, not 1,000
        Files.write(zip, bytes);
        try (var read = new java.util.zip.ZipFile(zip.toFile())) {
            assertEquals(compressed * 50L, read.getEntry("referrals.csv").getSize(), "the zip now lies");
        }
        var e = assertThrows(BundleRejectedException.class, () -> BundleSource.read(zip, BundleSource.DEFAULT_MAX_BYTES));
        assertEquals("liar.zip:0: (bundle): referrals.csv expands to more than the " + compressed * 50L + " bytes its "
                + "zip entry declares: refused as a damaged or forged zip", e.problems().get(0).toString());
    }

    @Test
    void theDeclaredSizesAreCheckedBeforeAnythingIsInflated() throws Exception {
        Path zip = zeros("big.zip", "cases.csv", 3);
        try (BoundedZip bounded = BoundedZip.open(zip, "big.zip", "bundle", 2 << 20)) {
            var e = assertThrows(BundleTooLargeException.class, () -> bounded.declare(bounded.entries()));
            assertEquals("big.zip:0: (bundle): uncompressed bundle is larger than the limit of 2097152 bytes (at cases.csv)",
                    e.problems().get(0).toString());
        }
        try (BoundedZip bounded = BoundedZip.open(zip, "big.zip", "bundle", 4 << 20)) {
            var e = assertThrows(BundleTooLargeException.class, () -> bounded.declare(bounded.entries()));
            assertTrue(e.problems().get(0).message().endsWith("refused as a likely zip bomb"), e.problems().toString());
        }
    }
}
