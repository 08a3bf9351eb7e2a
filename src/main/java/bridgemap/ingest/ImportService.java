package bridgemap.ingest;

import bridgemap.model.Bundle;
import bridgemap.model.ProgressListener;
import bridgemap.store.BulkLoad;
import bridgemap.store.BundleWriter;
import bridgemap.store.ImportRepository;
import bridgemap.store.Store;
import bridgemap.store.WriteSummary;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Imports bundles all or nothing: read, validate every rule against the bundle and what is already
 * stored, and only then write in a single transaction. Imports run one at a time.
 */
public final class ImportService {

    private static final Logger LOG = LoggerFactory.getLogger(ImportService.class);

    private final Store store;
    private final ImportRepository repository;
    private final BundleWriter writer;
    private final long maxBytes;
    private final Runnable afterCommit;
    private final Object lock = new Object();

    /** Imports into {@code store}; {@code afterCommit} runs after each committed import (e.g. to drop caches). */
    public ImportService(Store store, long maxBytes, Runnable afterCommit) {
        this.store = Objects.requireNonNull(store, "store");
        this.repository = new ImportRepository(store);
        this.writer = new BundleWriter(store);
        this.maxBytes = maxBytes;
        this.afterCommit = Objects.requireNonNull(afterCommit, "afterCommit");
    }

    /** Imports the folder or {@code .zip} at {@code path}. */
    public ImportResult importPath(Path path, ProgressListener progress) throws BundleRejectedException {
        long started = System.nanoTime();
        progress.progress("reading " + path.getFileName(), 0, 1);
        return importSource(BundleSource.read(path, maxBytes), progress, BulkMode.NEVER, started);
    }

    /**
     * Imports an uploaded {@code .zip}, refused before it is unpacked when importing it would need more memory than
     * {@code memory} can spare ({@link ImportMemory}).
     */
    public ImportResult importZip(Path zip, String label, ImportMemory.Budget memory, ProgressListener progress)
            throws BundleRejectedException {
        long started = System.nanoTime();
        return importSource(BundleSource.readUpload(zip, label, maxBytes, memory), progress, BulkMode.NEVER, started);
    }

    /** Imports an already-read bundle (the demo, for one) in one transaction. */
    public ImportResult importSource(BundleSource source, ProgressListener progress) throws BundleRejectedException {
        return importSource(source, progress, BulkMode.NEVER, System.nanoTime());
    }

    /**
     * Imports an already-read bundle, with Neo4j's bulk importer when {@code bulk} allows and the store is an empty
     * embedded one ({@link BulkMode}). The bulk importer stops and restarts the engine, so only a caller that has the
     * store to itself may allow it: the command line, not the server.
     */
    public ImportResult importSource(BundleSource source, ProgressListener progress, BulkMode bulk)
            throws BundleRejectedException {
        return importSource(source, progress, bulk, System.nanoTime());
    }

    /** When an import uses Neo4j's bulk importer instead of one Cypher transaction. */
    public enum BulkMode {
        /** Never: always one transaction. */
        NEVER,
        /** When the store is embedded and holds no nodes at all, and the bundle has at least {@link #AUTO_MIN_ROWS} rows. */
        AUTO,
        /** Whenever the store is embedded and holds no nodes at all; otherwise the import is refused. */
        ALWAYS;

        /**
         * Below this size one transaction is about as fast and the engine need not restart; above it the bulk importer
         * wins by more each row. Measured (README, Performance): the London demo, 68,905 rows, 11.4 s in one transaction
         * against 5.7 s bulk (engine restart and index build included); the England bundle 98 s against 20 s.
         */
        public static final int AUTO_MIN_ROWS = 50_000;
    }

    private ImportResult importSource(BundleSource source, ProgressListener progress, BulkMode bulk, long started)
            throws BundleRejectedException {
        synchronized (lock) {
            progress.progress("validating " + source.name(), 0, 1);
            Clock clock = new Clock();
            Map<String, String> nodes = new HashMap<>();
            StoredIds stored = storedIds(nodes);
            Bundle bundle = BundleValidator.validate(source, stored);
            progress.progress("validating " + source.name(), 1, 1);
            String validated = clock.lap();
            WriteSummary summary;
            boolean bulkLoad = useBulk(bulk, bundle);
            store.requireSpaceToImport(source.files().values().stream().mapToLong(b -> b.length).sum(), bulkLoad);
            try {
                if (bulkLoad) {
                    summary = bulkLoad(bundle, progress);
                    LOG.info("Bulk load of {} ({} rows): validated in {}, loaded and indexed in {}", source.name(),
                            bundle.size(), validated, clock.lap());
                } else {
                    summary = writer.write(bundle, progress, nodes::get);
                    LOG.info("Import of {} ({} rows): validated in {}, written and committed in {}", source.name(),
                            bundle.size(), validated, clock.lap());
                }
            } catch (RuntimeException e) {
                throw store.explain(e, "importing " + source.name());
            }
            afterCommit.run();
            return new ImportResult(source.name(), summary, Duration.ofNanos(System.nanoTime() - started));
        }
    }

    private boolean useBulk(BulkMode bulk, Bundle bundle) {
        if (bulk == BulkMode.NEVER || (bulk == BulkMode.AUTO && bundle.size() < BulkMode.AUTO_MIN_ROWS)) {
            return false;
        }
        long held = store.isEmbedded() ? storedNodes() : -1;
        if (held == 0) {
            return true;
        }
        if (bulk == BulkMode.ALWAYS) {
            throw new IllegalArgumentException(!store.isEmbedded()
                    ? "a bulk load needs the embedded store; an external Neo4j is loaded in one transaction (--bulk auto)"
                    : "a bulk load replaces the whole database, so it only loads an empty store, and this one holds "
                            + held + " nodes: import into it with --bulk auto or never, or load into a new --data folder");
        }
        return false;
    }

    private long storedNodes() {
        return repository.nodeCount();
    }

    /** Loads {@code bundle} into the (empty, embedded) store with Neo4j's bulk importer, then waits for its indexes. */
    private WriteSummary bulkLoad(Bundle bundle, ProgressListener progress) {
        BulkLoad.Counts counts;
        Clock clock = new Clock();
        try {
            counts = store.withEngineStopped(home -> BulkLoad.load(home, bundle, progress));
            LOG.info("Store stopped, bulk-loaded, swapped in and started again with its constraints in {}", clock.lap());
        } catch (IOException e) {
            throw new UncheckedIOException("the bulk load failed, and the store is as it was: " + e.getMessage(), e);
        }
        progress.progress("building indexes", 0, bundle.size());
        repository.awaitIndexes(INDEX_WAIT_SECONDS);
        progress.progress("building indexes", bundle.size(), bundle.size());
        LOG.info("Other indexes online in {}", clock.lap());
        long held = storedNodes();
        if (held != counts.nodes()) {
            throw new IllegalStateException("the bulk load wrote " + counts.nodes() + " nodes but the store holds " + held);
        }
        return BundleWriter.allCreated(bundle, counts.relationships());
    }

    /** How long a bulk load waits for its indexes to come online (the England bundle's take seconds). */
    private static final int INDEX_WAIT_SECONDS = 600;

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

    /**
     * The stored ids and their kinds, the stored settings, activity rows and successions, for validation; {@code nodes} gets each
     * id's element id, for writing.
     */
    private StoredIds storedIds(Map<String, String> nodes) {
        Map<String, NodeKind> kinds = new HashMap<>();
        for (ImportRepository.StoredNode node : repository.nodes()) {
            NodeKind.byLabel(node.label()).ifPresent(kind -> {
                kinds.put(node.id(), kind);
                nodes.put(node.id(), node.elementId());
            });
        }
        return new StoredIds(kinds, repository.settings(), repository.activity(), repository.successions());
    }
}
