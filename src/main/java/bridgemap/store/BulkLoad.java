package bridgemap.store;

import bridgemap.model.Bundle;
import bridgemap.model.ProgressListener;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.neo4j.batchimport.api.BatchImporter;
import org.neo4j.batchimport.api.Configuration;
import org.neo4j.batchimport.api.IndexConfig;
import org.neo4j.batchimport.api.InputIterable;
import org.neo4j.batchimport.api.InputIterator;
import org.neo4j.batchimport.api.Monitor;
import org.neo4j.batchimport.api.input.Collector;
import org.neo4j.batchimport.api.input.Group;
import org.neo4j.batchimport.api.input.IdType;
import org.neo4j.batchimport.api.input.Input;
import org.neo4j.batchimport.api.input.InputChunk;
import org.neo4j.batchimport.api.input.InputEntityVisitor;
import org.neo4j.configuration.Config;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.internal.batchimport.DefaultAdditionalIds;
import org.neo4j.internal.batchimport.input.Groups;
import org.neo4j.io.fs.DefaultFileSystemAbstraction;
import org.neo4j.io.layout.DatabaseLayout;
import org.neo4j.io.layout.Neo4jLayout;
import org.neo4j.io.pagecache.context.CursorContextFactory;
import org.neo4j.io.pagecache.context.FixedVersionContextSupplier;
import org.neo4j.io.pagecache.tracing.PageCacheTracer;
import org.neo4j.kernel.impl.index.schema.IndexImporterFactoryImpl;
import org.neo4j.kernel.impl.scheduler.JobSchedulerFactory;
import org.neo4j.kernel.impl.transaction.log.files.TransactionLogInitializer;
import org.neo4j.logging.NullLogProvider;
import org.neo4j.logging.internal.SimpleLogService;
import org.neo4j.memory.EmptyMemoryTracker;
import org.neo4j.scheduler.JobScheduler;
import org.neo4j.storageengine.api.StorageEngineFactory;
import org.neo4j.values.storable.Values;

/**
 * The first load of an <b>empty embedded</b> store with Neo4j's own bulk importer (the engine behind
 * {@code neo4j-admin database import full}) instead of one Cypher transaction: on the England-scale bundle the
 * transactional import spends most of its time in Neo4j's transaction state and single-threaded commit
 * (README, Performance), which the bulk importer does not have.
 *
 * <p>All or nothing, like the transactional import, and crash-safe: the importer writes a complete database into a
 * staging directory ({@code bulk-import/} under the store's home) while the engine is stopped; only when it has
 * finished is a journal file written, and the staged database and transaction logs are then moved over the live
 * (empty) ones. {@link #recover(Path)}, run before the engine starts, finishes a move the journal records and throws
 * away a staging directory it does not, so a crash at any point leaves the store empty or fully loaded.
 *
 * <p>The graph written is the one {@link BundleWriter} writes for the same validated bundle (the same labels,
 * properties and relationships, including the derived {@code OPERATES_IN}); the schema (constraints, indexes) is
 * applied by {@link Store} when the engine starts again. {@code BulkLoadTest} compares both stores' fingerprints.
 */
public final class BulkLoad {

    /** Staging home under the store's home; a Neo4j home of its own. */
    static final String STAGING = "bulk-import";
    /** Written once the staged database is complete: its presence means "move it into place". */
    static final String JOURNAL = "bulk-import.swap";

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(BulkLoad.class);
    private static final String DATABASE = GraphDatabaseSettings.DEFAULT_DATABASE_NAME;
    /** Bundle rows handed to an importer thread at a time. */
    private static final int CHUNK = 4_096;

    private BulkLoad() {
    }

    /** How many nodes and relationships a load wrote. */
    public record Counts(long nodes, long relationships) {
    }

    /**
     * Writes {@code bundle} as a new database into {@code home} (the embedded store's home, engine stopped), replacing
     * the live database there. The caller has checked that the live database holds nothing.
     */
    public static Counts load(Path home, Bundle bundle, ProgressListener progress) throws IOException {
        ProgressListener listener = progress == null ? ProgressListener.NONE : progress;
        recover(home);
        Counts counts = stage(home, bundle, listener);
        // The staged database is complete: from here on a crash rolls forward, never back.
        markComplete(home);
        long entities = counts.nodes() + counts.relationships();
        listener.progress("moving the loaded database into place", 0, entities);
        recover(home);
        listener.progress("moving the loaded database into place", entities, entities);
        return counts;
    }

    /** Writes {@code bundle} as a complete database into the staging directory; deletes it again on failure. */
    static Counts stage(Path home, Bundle bundle, ProgressListener progress) throws IOException {
        Objects.requireNonNull(bundle, "bundle");
        Path staging = home.resolve(STAGING);
        BulkGraph graph = BulkGraph.of(bundle);
        long started = System.nanoTime();
        try {
            importInto(staging, graph, progress);
            LOG.info("Bulk importer wrote {} nodes and {} relationships in {} s", graph.nodeCount(),
                    graph.relationshipCount(), String.format(java.util.Locale.ROOT, "%.1f", (System.nanoTime() - started) / 1e9));
        } catch (IOException | RuntimeException e) {
            deleteTree(staging);
            throw e;
        }
        return new Counts(graph.nodeCount(), graph.relationshipCount());
    }

    /** Records, durably, that the staged database is complete and is to replace the live one. */
    static void markComplete(Path home) throws IOException {
        try (FileChannel channel = FileChannel.open(home.resolve(JOURNAL), StandardOpenOption.CREATE_NEW,
                StandardOpenOption.WRITE)) {
            channel.write(StandardCharsets.UTF_8.encode("move " + STAGING + " into place\n"));
            channel.force(true);
        }
    }

    /**
     * Finishes or throws away an interrupted bulk load under {@code home}: with the journal present, the staged database
     * and transaction logs replace the live ones (each step can be repeated); without it, the staging directory is an
     * unfinished load and is deleted. Does nothing when neither exists.
     */
    public static void recover(Path home) throws IOException {
        Path staging = home.resolve(STAGING);
        Path journal = home.resolve(JOURNAL);
        if (Files.exists(journal)) {
            DatabaseLayout staged = layout(staging);
            DatabaseLayout live = layout(home);
            replace(staged.databaseDirectory(), live.databaseDirectory());
            replace(staged.getTransactionLogsDirectory(), live.getTransactionLogsDirectory());
            Files.delete(journal);
        }
        deleteTree(staging);
    }

    private static DatabaseLayout layout(Path home) {
        return Neo4jLayout.of(home.toAbsolutePath()).databaseLayout(DATABASE);
    }

    /** Moves {@code from} over {@code to}, if {@code from} is still there (else this step was done already). */
    private static void replace(Path from, Path to) throws IOException {
        if (!Files.exists(from)) {
            return;
        }
        deleteTree(to);
        Files.createDirectories(to.getParent());
        Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static void importInto(Path staging, BulkGraph graph, ProgressListener progress) throws IOException {
        deleteTree(staging);
        Files.createDirectories(staging);
        DatabaseLayout layout = layout(staging);
        Config config = Config.defaults(GraphDatabaseSettings.neo4j_home, staging.toAbsolutePath());
        Configuration importConfig = new Configuration.Overridden(Configuration.DEFAULT) {
            @Override
            public IndexConfig indexConfig() {
                // The label and relationship-type lookup indexes a database created by Neo4j has.
                return IndexConfig.create().withLabelIndex().withRelationshipTypeIndex();
            }
        };
        // Reported in nodes and relationships, the importer's percentage of them.
        long entities = graph.nodeCount() + graph.relationshipCount();
        Monitor monitor = new Monitor() {
            @Override
            public void percentageCompleted(int percentage) {
                progress.progress("bulk loading", entities * percentage / 100, entities);
            }
        };
        progress.progress("bulk loading", 0, entities);
        try (JobScheduler scheduler = JobSchedulerFactory.createInitialisedScheduler();
                var fs = new DefaultFileSystemAbstraction()) {
            StorageEngineFactory engine = StorageEngineFactory.selectStorageEngine(config);
            BatchImporter importer = engine.batchImporter(layout, fs, PageCacheTracer.NULL, importConfig,
                    new SimpleLogService(NullLogProvider.getInstance()),
                    new java.io.PrintStream(java.io.OutputStream.nullOutputStream()), false, DefaultAdditionalIds.EMPTY,
                    config, monitor, scheduler, Collector.STRICT, TransactionLogInitializer.getLogFilesInitializer(),
                    new IndexImporterFactoryImpl(), EmptyMemoryTracker.INSTANCE,
                    new CursorContextFactory(PageCacheTracer.NULL, FixedVersionContextSupplier.EMPTY_CONTEXT_SUPPLIER));
            importer.doImport(graph.input());
        } catch (IOException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException("the bulk importer failed: " + e.getMessage(), e);
        }
        progress.progress("bulk loading", entities, entities);
    }

    // ---- the bundle as the importer's input --------------------------------------------------------------------

    /** One node (its id and label; no end) or relationship (its start id, type and end id) to write. */
    record Entity(String id, String labelOrType, String end, Map<String, Object> props) {
        static Entity node(String id, String label, Map<String, Object> props) {
            return new Entity(id, label, null, props);
        }

        static Entity relationship(String start, String type, String end, Map<String, Object> props) {
            return new Entity(start, type, end, props);
        }
    }

    /** A list of bundle rows and how each becomes zero or more entities. */
    record Segment<T>(List<T> rows, java.util.function.BiConsumer<T, List<Entity>> expand) {
    }

    /** The bundle's nodes and relationships as segments, and how many of each. */
    static final class BulkGraph {
        private final List<Segment<?>> nodes;
        private final List<Segment<?>> relationships;
        private final long nodeCount;
        private final long relationshipCount;

        BulkGraph(List<Segment<?>> nodes, List<Segment<?>> relationships) {
            this.nodes = nodes;
            this.relationships = relationships;
            this.nodeCount = count(nodes);
            this.relationshipCount = count(relationships);
        }

        static BulkGraph of(Bundle bundle) {
            return BundleWriter.bulkGraph(bundle);
        }

        long nodeCount() {
            return nodeCount;
        }

        long relationshipCount() {
            return relationshipCount;
        }

        private static long count(List<Segment<?>> segments) {
            long count = 0;
            List<Entity> out = new ArrayList<>();
            for (Segment<?> segment : segments) {
                count += count(segment, out);
            }
            return count;
        }

        private static <T> long count(Segment<T> segment, List<Entity> out) {
            long count = 0;
            for (T row : segment.rows()) {
                out.clear();
                segment.expand().accept(row, out);
                count += out.size();
            }
            return count;
        }

        Input input() {
            Groups groups = new Groups();
            Group global = groups.getOrCreate(null);
            return Input.input(new Entities(nodes, global), new Entities(relationships, global), IdType.STRING,
                    Input.knownEstimates(nodeCount, relationshipCount, nodeCount * 4, relationshipCount / 10,
                            nodeCount * 4 * 16, relationshipCount / 10 * 16, nodeCount), groups);
        }
    }

    /** Hands out the segments' rows in chunks, to as many importer threads as ask. */
    private record Entities(List<Segment<?>> segments, Group group) implements InputIterable {
        @Override
        public InputIterator iterator() {
            return new InputIterator() {
                private int segment;
                private int row;

                @Override
                public InputChunk newChunk() {
                    return new Chunk(group);
                }

                @Override
                public synchronized boolean next(InputChunk chunk) {
                    while (segment < segments.size() && row >= segments.get(segment).rows().size()) {
                        segment++;
                        row = 0;
                    }
                    if (segment == segments.size()) {
                        return false;
                    }
                    Segment<?> current = segments.get(segment);
                    int to = Math.min(row + CHUNK, current.rows().size());
                    ((Chunk) chunk).reset(current, row, to);
                    row = to;
                    return true;
                }

                @Override
                public void close() {
                }
            };
        }
    }

    /** Rows {@code [from, to)} of one segment, expanded into entities as the importer asks for them. */
    private static final class Chunk implements InputChunk {
        private final Group group;
        private final List<Entity> pending = new ArrayList<>();
        private Segment<?> segment;
        private int next;
        private int to;
        private int taken;

        Chunk(Group group) {
            this.group = group;
        }

        void reset(Segment<?> segment, int from, int to) {
            this.segment = segment;
            this.next = from;
            this.to = to;
            this.pending.clear();
            this.taken = 0;
        }

        @Override
        public boolean next(InputEntityVisitor visitor) throws IOException {
            while (taken == pending.size()) {
                if (next >= to) {
                    return false;
                }
                pending.clear();
                taken = 0;
                expand(segment, next++);
            }
            Entity entity = pending.get(taken++);
            if (entity.end() == null) {
                visitor.id(entity.id(), group);
                visitor.labels(new String[] {entity.labelOrType()});
            } else {
                visitor.startId(entity.id(), group);
                visitor.endId(entity.end(), group);
                visitor.type(entity.labelOrType());
            }
            for (Map.Entry<String, Object> property : entity.props().entrySet()) {
                visitor.property(property.getKey(), value(property.getValue()));
            }
            visitor.endOfEntity();
            return true;
        }

        private <T> void expand(Segment<T> segment, int index) {
            segment.expand().accept(segment.rows().get(index), pending);
        }

        @Override
        public void close() {
        }
    }

    /** A property value as Cypher would have stored the driver's parameter: whole numbers as 64-bit, decimals as double,
     * lists of strings as string arrays. */
    static Object value(Object value) {
        if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return Values.longValue(((Number) value).longValue());
        }
        if (value instanceof Float f) {
            return Values.doubleValue(f);
        }
        if (value instanceof List<?> list) {
            // A list of strings (a succession's parts), stored as Cypher stores a list parameter: a string array.
            return Values.of(list.stream().map(String.class::cast).toArray(String[]::new));
        }
        return Values.of(value);
    }
}
