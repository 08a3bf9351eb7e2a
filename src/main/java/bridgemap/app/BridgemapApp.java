package bridgemap.app;

import bridgemap.ingest.BundleRejectedException;
import bridgemap.ingest.BundleSource;
import bridgemap.ingest.DemoBundle;
import bridgemap.ingest.ImportResult;
import bridgemap.ingest.ImportService;
import bridgemap.model.ProgressListener;
import bridgemap.openreferral.OpenReferralExporter;
import bridgemap.openreferral.OpenReferralImporter;
import bridgemap.store.DirectoryRepository;
import bridgemap.store.CaseRepository;
import bridgemap.store.SnapshotRepository;
import bridgemap.store.StatsRepository;
import java.time.Clock;
import bridgemap.store.Store;
import java.util.Objects;
import java.util.Optional;

/** The running application: the store and the services the command line and the HTTP API share. */
public final class BridgemapApp implements AutoCloseable {

    private final Store store;
    private final StatsRepository stats;
    private final ImportService imports;
    private final AnalysisService analysis;
    private final OpenReferralImporter openReferral;
    private final ExportService exports;

    private BridgemapApp(Store store) {
        this.store = store;
        this.stats = new StatsRepository(store);
        this.analysis = new AnalysisService(new SnapshotRepository(store), new CaseRepository(store),
                Clock.systemDefaultZone());
        this.imports = new ImportService(store, BundleSource.DEFAULT_MAX_BYTES, analysis::invalidate);
        DirectoryRepository directory = new DirectoryRepository(store);
        this.openReferral = new OpenReferralImporter(imports, directory, BundleSource.DEFAULT_MAX_BYTES);
        this.exports = new ExportService(analysis, new OpenReferralExporter(directory), Clock.systemDefaultZone());
    }

    /** Opens the store {@code config} names and wires the services. */
    public static BridgemapApp open(AppConfig config) {
        Objects.requireNonNull(config, "config");
        return new BridgemapApp(Store.open(config.store()));
    }

    public Store store() {
        return store;
    }

    public StatsRepository stats() {
        return stats;
    }

    public ImportService imports() {
        return imports;
    }

    public AnalysisService analysis() {
        return analysis;
    }

    /** GraphML, GEXF, CSV and Open Referral exports. */
    public ExportService exports() {
        return exports;
    }

    /** Imports Open Referral UK / HSDS directories through {@link #imports()}. */
    public OpenReferralImporter openReferral() {
        return openReferral;
    }

    /** Imports the London demo bundle (idempotent: a second load changes nothing). */
    public ImportResult loadDemo(ProgressListener progress) {
        try {
            return imports.importSource(DemoBundle.load(), progress);
        } catch (BundleRejectedException e) {
            throw new IllegalStateException("The shipped demo bundle is invalid: " + e.getMessage(), e);
        }
    }

    /** Loads the demo only when the store holds no Bridgemap data yet. */
    public Optional<ImportResult> loadDemoIfEmpty(ProgressListener progress) {
        return stats.stats().nodeCount() == 0 ? Optional.of(loadDemo(progress)) : Optional.empty();
    }

    @Override
    public void close() {
        store.close();
    }
}
