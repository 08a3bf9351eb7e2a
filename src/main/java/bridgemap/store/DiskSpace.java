package bridgemap.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.neo4j.configuration.GraphDatabaseSettings;

/**
 * The free disk space the embedded store needs, checked before it is written to (issue 20): Neo4j meets a full disk
 * badly — a start fails with a misleading configuration error, and a close retries writing its page cache for ever.
 *
 * <ul>
 *   <li>A new store reserves a transaction log file of {@code db.tx_log.rotation.size} (256 MiB) for each of its two
 *       databases ({@code system} and {@code neo4j}) when it is created, 513 MiB measured for an empty store, so it
 *       needs {@link #toCreate()}, about 570 MB.
 *   <li>Any start writes a checkpoint and logs: {@value #TO_OPEN_MB} MB free at least.
 *   <li>An import grows the store files and writes its transaction to the log: the London demo's 4.9 MB of CSV grew
 *       the store by about 17 MB and its log by as much again; taken as {@value #PER_INPUT_BYTE} bytes per byte of
 *       bundle, plus {@value #TO_OPEN_MB} MB. A bulk load stages a whole new database, with its own log file, before
 *       it replaces the (empty) live one: a rotation size more.
 * </ul>
 */
public final class DiskSpace {

    static final long MB = 1_000_000L;
    /** Free space any start of the engine wants, in MB. */
    static final long TO_OPEN_MB = 32;
    /** Bytes of store files and transaction log one byte of bundle CSV becomes, with margin (see the class comment). */
    static final int PER_INPUT_BYTE = 10;
    /** Below this much free space a disk counts as full (what a failed write leaves). */
    static final long FULL_BELOW = 4 * MB;

    private DiskSpace() {}

    /** The transaction log file Neo4j reserves per database, 0 when it does not reserve one. */
    static long logReservation() {
        return GraphDatabaseSettings.preallocate_logical_logs.defaultValue()
                ? GraphDatabaseSettings.logical_log_rotation_threshold.defaultValue() : 0;
    }

    /** Bytes creating a new store needs. */
    public static long toCreate() {
        return 2 * logReservation() + TO_OPEN_MB * MB;
    }

    /** Bytes importing {@code inputBytes} of bundle needs, by the bulk importer when {@code bulk}. */
    public static long toImport(long inputBytes, boolean bulk) {
        return PER_INPUT_BYTE * inputBytes + TO_OPEN_MB * MB + (bulk ? logReservation() : 0);
    }

    /** Usable bytes on the file system that holds {@code dir} (or would hold it: its nearest existing ancestor). */
    public static long free(Path dir) {
        Path existing = dir.toAbsolutePath().normalize();
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        try {
            return Files.getFileStore(existing == null ? Path.of("/") : existing).getUsableSpace();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the free space of " + dir, e);
        }
    }

    /** True when the disk holding {@code dir} has (next to) no space left. */
    static boolean isFull(Path dir) {
        return free(dir) < FULL_BELOW;
    }

    /**
     * Refuses, before anything is written, work on the store in {@code dir} that needs {@code needed} bytes when fewer
     * are free: "not enough disk space: {@code what} needs about N MB in DIR, M MB are free; {@code advice}".
     */
    static void require(Path dir, long needed, String what, String advice) {
        long free = free(dir);
        if (free < needed) {
            throw new DiskSpaceException(String.format(Locale.ROOT,
                    "not enough disk space: %s needs about %s in %s, %s %s free; %s", what, mb(needed),
                    dir.toAbsolutePath().normalize(), mb(free), free / MB == 1 ? "is" : "are", advice));
        }
    }

    /** True when {@code e} or one of its causes says the device is full. */
    static boolean saysDiskFull(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t.getMessage() != null && t.getMessage().contains("No space left on device")) {
                return true;
            }
        }
        return false;
    }

    static String mb(long bytes) {
        return String.format(Locale.ROOT, "%,d MB", Math.max(0, bytes / MB));
    }
}
