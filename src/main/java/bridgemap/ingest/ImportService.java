package bridgemap.ingest;

import bridgemap.model.Bundle;
import bridgemap.model.ProgressListener;
import bridgemap.store.BundleWriter;
import bridgemap.store.Query;
import bridgemap.store.Store;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.neo4j.driver.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Imports bundles all or nothing: read, validate every rule against the bundle and what is already
 * stored, and only then write in a single transaction. Imports run one at a time.
 */
public final class ImportService {

    private static final Logger LOG = LoggerFactory.getLogger(ImportService.class);

    private final Store store;
    private final BundleWriter writer;
    private final long maxBytes;
    private final Runnable afterCommit;
    private final Object lock = new Object();

    /** Imports into {@code store}; {@code afterCommit} runs after each committed import (e.g. to drop caches). */
    public ImportService(Store store, long maxBytes, Runnable afterCommit) {
        this.store = Objects.requireNonNull(store, "store");
        this.writer = new BundleWriter(store);
        this.maxBytes = maxBytes;
        this.afterCommit = Objects.requireNonNull(afterCommit, "afterCommit");
    }

    /** Imports the folder or {@code .zip} at {@code path}. */
    public ImportResult importPath(Path path, ProgressListener progress) throws BundleRejectedException {
        long started = System.nanoTime();
        progress.progress("reading " + path.getFileName(), 0, 1);
        return importSource(BundleSource.read(path, maxBytes), progress, started);
    }

    /** Imports an uploaded {@code .zip}. */
    public ImportResult importZip(byte[] zip, String label, ProgressListener progress) throws BundleRejectedException {
        long started = System.nanoTime();
        return importSource(BundleSource.readZip(zip, label, maxBytes), progress, started);
    }

    /** Imports an already-read bundle (the demo, for one). */
    public ImportResult importSource(BundleSource source, ProgressListener progress) throws BundleRejectedException {
        return importSource(source, progress, System.nanoTime());
    }

    private ImportResult importSource(BundleSource source, ProgressListener progress, long started)
            throws BundleRejectedException {
        synchronized (lock) {
            progress.progress("validating " + source.name(), 0, 1);
            Clock clock = new Clock();
            Map<String, String> nodes = new HashMap<>();
            StoredIds stored = storedIds(nodes);
            Bundle bundle = BundleValidator.validate(source, stored);
            progress.progress("validating " + source.name(), 1, 1);
            String validated = clock.lap();
            var summary = writer.write(bundle, progress, nodes::get);
            LOG.info("Import of {} ({} rows): validated in {}, written and committed in {}", source.name(), bundle.size(),
                    validated, clock.lap());
            afterCommit.run();
            return new ImportResult(source.name(), summary, Duration.ofNanos(System.nanoTime() - started));
        }
    }

    /** Wall-clock and process CPU seconds between laps, for the log: on a busy machine the two differ a lot. */
    private static final class Clock {
        private long wall = System.nanoTime();
        private long cpu = cpu();

        String lap() {
            long nowWall = System.nanoTime();
            long nowCpu = cpu();
            String text = String.format(Locale.ROOT, "%.1f s (%.1f s CPU)", (nowWall - wall) / 1e9,
                    nowCpu < 0 ? Double.NaN : (nowCpu - cpu) / 1e9);
            wall = nowWall;
            cpu = nowCpu;
            return text;
        }

        private static long cpu() {
            return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                    ? os.getProcessCpuTime() : -1;
        }
    }

    /** The stored ids and their kinds, for validation; {@code nodes} gets each one's element id, for writing. */
    private StoredIds storedIds(Map<String, String> nodes) {
        Map<String, NodeKind> kinds = new HashMap<>();
        for (Record record : store.read(Query.NODE_IDS, Map.of())) {
            String id = record.get("id").asString();
            NodeKind.byLabel(record.get("label").asString()).ifPresent(kind -> {
                kinds.put(id, kind);
                nodes.put(id, record.get("node").asString());
            });
        }
        return new StoredIds(kinds);
    }
}
