package bridgemap.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The embedded store's folder, held by one process for as long as its store is open — also while the engine is stopped
 * for a bulk load, when Neo4j's own lock is released and another process could otherwise open the folder or throw away
 * the load being staged ({@link BulkLoad#recover}). An operating-system lock on {@value #FILE} in the folder, which
 * records the holder's process id for the message another process gets ({@link StoreInUseException}). The lock goes with
 * the process, so a killed holder leaves nothing to clean up.
 *
 * <p>POSIX locks belong to the process, and closing any channel to the file releases them all, so a second store in the
 * same JVM must not even open the file: the folders this JVM holds are kept in {@link #HELD}, the JVM's own lock table
 * in small.
 */
final class StoreLock implements AutoCloseable {

    /** The lock file in the data folder. */
    static final String FILE = "bridgemap.lock";

    /** Canonical folders this JVM holds (see the class comment). */
    private static final Set<Path> HELD = ConcurrentHashMap.newKeySet();

    private final Path folder;
    private final FileChannel channel;
    private final FileLock lock;

    private StoreLock(Path folder, FileChannel channel, FileLock lock) {
        this.folder = folder;
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Takes the folder {@code home} for this process, or throws {@link StoreInUseException} naming who holds it.
     * Creates the folder when missing.
     */
    static StoreLock acquire(Path home) {
        Path folder;
        try {
            Files.createDirectories(home);
            folder = home.toRealPath();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot use the data folder " + home.toAbsolutePath().normalize(), e);
        }
        if (!HELD.add(folder)) {
            throw new StoreInUseException(folder, "another store in this process (process " + ProcessHandle.current().pid()
                    + ")");
        }
        FileChannel channel = null;
        try {
            channel = FileChannel.open(folder.resolve(FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                throw new StoreInUseException(folder, holder(folder));
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(("pid " + ProcessHandle.current().pid() + "\nsince "
                    + Instant.now().truncatedTo(ChronoUnit.SECONDS) + "\n").getBytes(StandardCharsets.US_ASCII)));
            channel.force(false);
            return new StoreLock(folder, channel, lock);
        } catch (IOException | RuntimeException e) {
            HELD.remove(folder);
            if (channel != null) {
                try {
                    channel.close();
                } catch (IOException closing) {
                    e.addSuppressed(closing);
                }
            }
            if (e instanceof IOException io) {
                throw new UncheckedIOException("cannot lock the data folder " + folder, io);
            }
            throw (RuntimeException) e;
        }
    }

    /** "a Bridgemap server (`bridgemap serve`, process 1234, since …)", or as much of it as the lock file tells. */
    private static String holder(Path folder) {
        List<String> lines;
        try {
            lines = Files.readAllLines(folder.resolve(FILE), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            lines = List.of();
        }
        Optional<Long> pid = lines.stream().filter(l -> l.startsWith("pid ")).findFirst()
                .flatMap(l -> parse(l.substring(4).trim()));
        String since = lines.stream().filter(l -> l.startsWith("since ")).findFirst().map(l -> ", since " + l.substring(6).trim())
                .orElse("");
        if (pid.isEmpty()) {
            return "another process, probably a Bridgemap server (`bridgemap serve`)";
        }
        boolean serving = ProcessHandle.of(pid.get()).flatMap(p -> p.info().arguments())
                .map(args -> List.of(args).contains("serve")).orElse(false);
        return (serving ? "a Bridgemap server (`bridgemap serve`, process " : "another process, probably a Bridgemap server (process ")
                + pid.get() + since + ")";
    }

    private static Optional<Long> parse(String number) {
        try {
            return Optional.of(Long.parseLong(number));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Releases the folder. The file stays: removing it would race with the next holder. */
    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot release the lock on " + folder, e);
        } finally {
            HELD.remove(folder);
        }
    }
}
