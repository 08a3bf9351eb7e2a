package bridgemap.ingest;

import java.util.Locale;
import java.util.Objects;

/**
 * The memory an import needs, estimated from the expanded size of what it reads before any of it is parsed, and
 * whether that fits what the Java heap can spare. The server refuses an upload that does not fit (413, nothing
 * parsed) instead of running out of memory part way, failing other requests with it.
 *
 * <p>An import holds the files, their parsed rows and the validated model (at the peak of validation about 16 bytes
 * of heap per byte of bundle CSV), then writes everything in one transaction, whose state Neo4j counts against
 * {@code db.memory.transaction.total.max}, 70% of the heap: the limit that stops the command line's one-transaction
 * import of the England bundle below -Xmx10g (README, Performance). Neo4j applies that limit only while writing,
 * after everything has been read and validated; this estimate applies it, and validation's own need, before. Writing
 * needs far more than validating. Measured as the smallest -Xmx with which an import into an empty embedded store
 * succeeds (the store itself holds about 45 MB): the London demo bundle, 4.9 MB of CSV, 68,905 rows, needs 512–600
 * MB; {@code generate --scale london}, 8.5 MB, 121,068 rows, 1,000–1,100 MB: about 120–130 bytes of heap per byte
 * of CSV, taken as {@value #HEAP_PER_BUNDLE_BYTE}. Open Referral files are wider per row (descriptions, nested JSON)
 * and map to far fewer rows: 40,000 services as one 10.5 MB {@code service_list.json} need 500–600 MB, the same as
 * a 16.9 MB tabular package at most 600 MB, taken as {@value #HEAP_PER_OPEN_REFERRAL_BYTE} bytes per byte. The
 * estimate is the measured ratio times {@value #SAFETY}, for rows shorter (more of them per byte) than measured.
 */
public final class ImportMemory {

    /** What is imported, and the bytes of heap importing one byte of it needs (measured as above). */
    public enum Input {
        /** A bundle's CSV files. */
        BUNDLE("bundle", "bridgemap import", HEAP_PER_BUNDLE_BYTE),
        /** An Open Referral directory's CSV and JSON files. */
        OPEN_REFERRAL("directory", "bridgemap import-openreferral", HEAP_PER_OPEN_REFERRAL_BYTE);

        private final String noun;
        private final String command;
        private final int heapPerByte;

        Input(String noun, String command, int heapPerByte) {
            this.noun = noun;
            this.command = command;
            this.heapPerByte = heapPerByte;
        }

        /** Bytes of heap importing one byte of this input needs. */
        int heapPerByte() {
            return heapPerByte;
        }
    }

    static final int HEAP_PER_BUNDLE_BYTE = 140;
    static final int HEAP_PER_OPEN_REFERRAL_BYTE = 60;
    /** The margin on the measured ratios. */
    static final double SAFETY = 1.5;

    private ImportMemory() {}

    /** How much memory an import may use. */
    public interface Budget {

        /** The bytes an import may use now. */
        long spare();

        /** The most the process could ever have, for the message. */
        long max();

        /** Tries to make more spare (a garbage collection); called once before an import is refused. */
        default void reclaim() {}

        /**
         * The Java heap: its maximum less what is in use and a margin of an eighth of the heap (at least 64 MB) kept
         * for the requests served meanwhile.
         */
        Budget HEAP = new Budget() {
            @Override
            public long spare() {
                Runtime runtime = Runtime.getRuntime();
                long used = runtime.totalMemory() - runtime.freeMemory();
                long margin = Math.max(64L << 20, runtime.maxMemory() / 8);
                return Math.max(0, runtime.maxMemory() - used - margin);
            }

            @Override
            public long max() {
                return Runtime.getRuntime().maxMemory();
            }

            @Override
            public void reclaim() {
                System.gc();
            }
        };
    }

    /** The bytes of heap importing {@code bytes} of {@code input} (unpacked) is estimated to need. */
    public static long estimate(Input input, long bytes) {
        Objects.requireNonNull(input, "input");
        if (bytes < 0) {
            throw new IllegalArgumentException("bytes must be >= 0: " + bytes);
        }
        double needed = SAFETY * input.heapPerByte() * (double) bytes;
        return needed >= Long.MAX_VALUE ? Long.MAX_VALUE : (long) needed;
    }

    /**
     * Refuses an import of {@code bytes} of {@code input} (unpacked) when its estimate exceeds what {@code budget} can
     * spare, after one try to {@link Budget#reclaim reclaim} more.
     *
     * @param label names the upload in the problem
     */
    public static void check(String label, Input input, long bytes, Budget budget) throws BundleTooLargeException {
        Objects.requireNonNull(budget, "budget");
        long needed = estimate(input, bytes);
        if (needed <= budget.spare()) {
            return;
        }
        budget.reclaim();
        long spare = budget.spare();
        if (needed <= spare) {
            return;
        }
        throw new BundleTooLargeException(new Problem(label, 0, "(" + input.noun + ")", String.format(Locale.ROOT,
                "this %s (%s once unpacked) would need about %s of memory to validate and write in one transaction; "
                        + "the server has %s to spare (of a %s heap): import it with the command line (%s) with a "
                        + "larger -Xmx, or split it",
                input.noun, megabytes(bytes), megabytes(needed), megabytes(spare), megabytes(budget.max()),
                input.command)));
    }

    private static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%,d MB", Math.max(1, Math.round(bytes / 1e6)));
    }
}
