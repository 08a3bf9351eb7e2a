package bridgemap.app;

import bridgemap.service.ExportService;
import bridgemap.service.ResearchService;
import bridgemap.service.PlanningService;
import bridgemap.service.AnalysisService;
import bridgemap.ingest.BundleCsv;
import bridgemap.ingest.BundleFile;
import bridgemap.ingest.BundleRejectedException;
import bridgemap.ingest.BundleSource;
import bridgemap.ingest.DemoBundle;
import bridgemap.ingest.ImportResult;
import bridgemap.ingest.ImportService;
import bridgemap.model.ProgressListener;
import bridgemap.openreferral.OpenReferralExporter;
import bridgemap.openreferral.OpenReferralImporter;
import bridgemap.privacy.AuditLog;
import bridgemap.privacy.DisclosureKey;
import bridgemap.privacy.PrivateFiles;
import bridgemap.store.CaseRepository;
import bridgemap.store.DirectoryRepository;
import bridgemap.store.ReadOnlyQuery;
import bridgemap.store.ScenarioRepository;
import bridgemap.store.SnapshotRepository;
import bridgemap.store.StatsRepository;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import bridgemap.store.Store;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** The running application: the store and the services the command line and the HTTP API share. */
public final class BridgemapApp implements AutoCloseable {

    private final Store store;
    private final StatsRepository stats;
    private final ImportService imports;
    private final AnalysisService analysis;
    private final PlanningService planning;
    private final AuditLog audit;
    private final ResearchService research;
    private final ReadOnlyQuery query;
    private final SnapshotRepository snapshots;
    private final OpenReferralImporter openReferral;
    private final ExportService exports;

    private final DisclosureKey disclosureKey;
    private final StoreHealth health;

    private BridgemapApp(Store store, AuditLog audit, DisclosureKey disclosureKey) {
        this.store = store;
        this.audit = audit;
        this.disclosureKey = disclosureKey;
        this.stats = new StatsRepository(store);
        this.health = new StoreHealth(store::ping);
        this.snapshots = new SnapshotRepository(store, disclosureKey);
        Clock clock = Clock.systemDefaultZone();
        this.analysis = new AnalysisService(snapshots, new CaseRepository(store), clock);
        this.planning = new PlanningService(analysis, new ScenarioRepository(store), clock);
        this.research = new ResearchService(analysis);
        this.query = new ReadOnlyQuery(store);
        this.imports = new ImportService(store, BundleSource.DEFAULT_MAX_BYTES, () -> {
            analysis.invalidate();
            research.invalidate();
        });
        DirectoryRepository directory = new DirectoryRepository(store);
        this.openReferral = new OpenReferralImporter(imports, directory, BundleSource.DEFAULT_MAX_BYTES);
        this.exports = new ExportService(analysis, new OpenReferralExporter(directory), clock, this::backupFiles);
    }

    /**
     * Opens the store {@code config} names and wires the services. An embedded store's data folder is created for its
     * owner only (700) before the engine writes into it ({@link PrivateFiles}).
     */
    public static BridgemapApp open(AppConfig config) {
        Objects.requireNonNull(config, "config");
        if (!config.store().isExternal()) {
            try {
                PrivateFiles.dataFolder(config.store().dataDir());
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot create the data folder " + config.store().dataDir(), e);
            }
        }
        Store store = Store.open(config.store());
        try {
            DisclosureKey disclosureKey = DisclosureKey.open(config.disclosureKey());
            return new BridgemapApp(store, AuditLog.open(config.auditLog(), Clock.systemUTC()), disclosureKey);
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
    }

    public Store store() {
        return store;
    }

    /** Whether the store answers, as a flag kept in memory ({@code /api/health}; the server starts its watch). */
    public StoreHealth health() {
        return health;
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

    public PlanningService planning() {
        return planning;
    }

    /** Researchers' pathways: cohorts, chains, comparisons. */
    public ResearchService research() {
        return research;
    }

    /** Analysts' read-only Cypher. */
    public ReadOnlyQuery query() {
        return query;
    }

    /** The secret behind the record keys of researchers' disclosure control. */
    public DisclosureKey disclosureKey() {
        return disclosureKey;
    }

    /** The append-only audit log of mutations and case-level reads. */
    public AuditLog audit() {
        return audit;
    }

    /** The whole store as canonical bundle files: what a backup writes (docs/bundle-format.md). */
    public Map<BundleFile, byte[]> backupFiles() {
        return BundleCsv.files(snapshots.everything());
    }

    /** The SHA-256 of the store's content as canonical bundle files: equal before a backup and after its restore. */
    public String fingerprint() {
        return BundleCsv.fingerprint(backupFiles());
    }

    /** Imports the London demo bundle (idempotent: a second load changes nothing). */
    public ImportResult loadDemo(ProgressListener progress) {
        return loadDemo(progress, ImportService.BulkMode.NEVER);
    }

    /**
     * Loads the London demo, with the bulk importer when {@code bulk} allows ({@link ImportService.BulkMode}); only
     * for a caller that has the store to itself, as the command line has before the server starts.
     */
    public ImportResult loadDemo(ProgressListener progress, ImportService.BulkMode bulk) {
        try {
            return imports.importSource(DemoBundle.load(), progress, bulk);
        } catch (BundleRejectedException e) {
            throw new IllegalStateException("The shipped demo bundle is invalid: " + e.getMessage(), e);
        }
    }

    /** Loads the demo only when the store holds no Bridgemap data yet. */
    public Optional<ImportResult> loadDemoIfEmpty(ProgressListener progress, ImportService.BulkMode bulk) {
        return stats.stats().nodeCount() == 0 ? Optional.of(loadDemo(progress, bulk)) : Optional.empty();
    }

    @Override
    public void close() {
        health.close();
        try {
            store.close();
        } finally {
            audit.close();
        }
    }
}
