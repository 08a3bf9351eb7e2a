package bridgemap.ingest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * A zip read under the limits every imported zip keeps, bundle or Open Referral directory: at most
 * {@link #MAX_ENTRIES} entries; the entries read expand to at most {@code maxBytes} together; and none expands more
 * than {@link #MAX_EXPANSION} times. The limits are checked first against the sizes the zip's central directory
 * declares, before anything is inflated ({@link #declare}), so a bomb costs no CPU, and then against the bytes
 * actually inflated ({@link #read}), which may not exceed what was declared, so a zip that lies about its sizes is
 * cut off after a bounded read. The declared total is what an import's memory estimate is made from
 * ({@link ImportMemory}).
 */
public final class BoundedZip implements AutoCloseable {

    static final int MAX_ENTRIES = 10_000;
    /**
     * Most an entry may expand: CSV deflates 5–20 times (the London demo: 6), JSON somewhat more; a zip bomb up to
     * about 1,000. Checked once an entry has produced {@link #RATIO_GRACE_BYTES}, so small, very regular files are
     * never refused.
     */
    static final int MAX_EXPANSION = 100;
    static final long RATIO_GRACE_BYTES = 1L << 20;

    private final ZipFile zip;
    private final String label;
    private final String what;
    private final long maxBytes;
    private long declared;
    private long read;

    private BoundedZip(ZipFile zip, String label, String what, long maxBytes) {
        this.zip = zip;
        this.label = label;
        this.what = what;
        this.maxBytes = maxBytes;
    }

    /**
     * Opens the zip at {@code path}; {@code label} names it in problems and {@code what} says what it holds
     * ({@code "bundle"}, {@code "directory"}).
     */
    public static BoundedZip open(Path path, String label, String what, long maxBytes) throws BundleRejectedException {
        ZipFile zip;
        try {
            zip = new ZipFile(path.toFile());
        } catch (ZipException e) {
            throw reject(label, what, "not a readable .zip file: " + e.getMessage());
        } catch (IOException e) {
            throw reject(label, what, "cannot read zip: " + e.getMessage());
        }
        if (zip.size() > MAX_ENTRIES) {
            close(zip);
            throw reject(label, what, "zip has " + zip.size() + " entries; at most " + MAX_ENTRIES + " are read");
        }
        return new BoundedZip(zip, label, what, maxBytes);
    }

    /** The entries, in the zip's order. */
    public List<? extends ZipEntry> entries() {
        return Collections.list(zip.entries());
    }

    /**
     * Checks the sizes the zip declares for the entries that are going to be read, before any is inflated, and
     * returns their total: what those entries expand to unless the zip lies, in which case {@link #read} stops.
     */
    public long declare(List<? extends ZipEntry> wanted) throws BundleRejectedException {
        long total = 0;
        for (ZipEntry entry : wanted) {
            long size = entry.getSize();
            if (size < 0) {
                throw reject(label, what, entry.getName() + " does not declare its size; zip the " + what + " again");
            }
            total += size;
            if (total > maxBytes) {
                throw tooLarge(entry);
            }
            checkRatio(entry, size);
        }
        declared = total;
        return total;
    }

    /**
     * The bytes of {@code entry}, one of those {@link #declare declared}, inflated under the limits; refused as soon
     * as it passes one.
     */
    public byte[] read(ZipEntry entry) throws BundleRejectedException {
        long size = entry.getSize();
        try (InputStream in = zip.getInputStream(entry)) {
            var out = new ByteArrayOutputStream((int) Math.min(Math.max(size, 0), 1 << 20));
            byte[] buffer = new byte[1 << 16];
            long entryRead = 0;
            int n;
            while ((n = in.read(buffer)) > 0) {
                entryRead += n;
                read += n;
                if (read > maxBytes) {
                    throw tooLarge(entry);
                }
                checkRatio(entry, entryRead);
                if (entryRead > size || read > declared) {
                    throw reject(label, what, entry.getName() + " expands to more than the " + size
                            + " bytes its zip entry declares: refused as a damaged or forged zip");
                }
                out.write(buffer, 0, n);
            }
            return out.toByteArray();
        } catch (ZipException e) {
            throw reject(label, what, "not a readable .zip file: " + e.getMessage());
        } catch (IOException e) {
            throw reject(label, what, "cannot read zip: " + e.getMessage());
        }
    }

    private void checkRatio(ZipEntry entry, long expanded) throws BundleRejectedException {
        // ZipFile reads no more than the central directory's compressed size, so the ratio is honest.
        long compressed = Math.max(1, entry.getCompressedSize());
        if (expanded > RATIO_GRACE_BYTES && expanded > compressed * MAX_EXPANSION) {
            String kind = entry.getName().toLowerCase(Locale.ROOT).endsWith(".json") ? "JSON" : "CSV";
            throw new BundleTooLargeException(new Problem(label, 0, "(" + what + ")", entry.getName()
                    + " expands more than " + MAX_EXPANSION + " times (" + compressed + " compressed bytes); " + kind
                    + " does not compress that well: refused as a likely zip bomb"));
        }
    }

    private BundleTooLargeException tooLarge(ZipEntry entry) {
        return new BundleTooLargeException(new Problem(label, 0, "(" + what + ")", "uncompressed " + what
                + " is larger than the limit of " + maxBytes + " bytes (at " + entry.getName() + ")"));
    }

    @Override
    public void close() {
        close(zip);
    }

    private static void close(ZipFile zip) {
        try {
            zip.close();
        } catch (IOException ignored) {
            // nothing was written through it
        }
    }

    private static BundleRejectedException reject(String label, String what, String message) {
        return new BundleRejectedException(List.of(new Problem(label, 0, "(" + what + ")", message)));
    }
}
