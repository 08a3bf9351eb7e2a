package bridgemap.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.driver.AuthToken;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Config;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Logging;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.TransactionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The graph store as the application sees it: a neo4j-java-driver {@link Driver} to the embedded engine
 * or to an external Neo4j, the Cypher files, and the schema applied at open. Every read and write goes
 * through the driver.
 */
public final class Store implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Store.class);

    /**
     * The driver's log through SLF4J without its TRACE level, which dumps every Bolt message in hex, the login's
     * password included (issue 13: the embedded store's secret must not reach a log, whatever its level).
     */
    private static final Logging WITHOUT_TRACE = name -> new NoTrace(Logging.slf4j().getLog(name));

    private record NoTrace(org.neo4j.driver.Logger log) implements org.neo4j.driver.Logger {
        @Override
        public void error(String message, Throwable cause) {
            log.error(message, cause);
        }

        @Override
        public void info(String format, Object... params) {
            log.info(format, params);
        }

        @Override
        public void warn(String format, Object... params) {
            log.warn(format, params);
        }

        @Override
        public void warn(String message, Throwable cause) {
            log.warn(message, cause);
        }

        @Override
        public void debug(String format, Object... params) {
            log.debug(format, params);
        }

        @Override
        public void debug(String message, Throwable cause) {
            log.debug(message, cause);
        }

        @Override
        public void trace(String format, Object... params) {
            // Dropped: see WITHOUT_TRACE.
        }

        @Override
        public boolean isTraceEnabled() {
            return false;
        }

        @Override
        public boolean isDebugEnabled() {
            return log.isDebugEnabled();
        }
    }

    private final StoreConfig config;
    private final String database;
    private final CypherQueries queries;
    /** The embedded store's folder, held for as long as this store is open; null when external. */
    private final StoreLock lock;
    /** Replaced only by {@link #withEngineStopped}, which embedded stores alone allow. */
    private volatile Connection connection;

    /** The driver, and the engine it reaches when the store is embedded. */
    private record Connection(Driver driver, EmbeddedNeo4j embedded, String description) {
        void close() {
            try {
                driver.close();
            } finally {
                if (embedded != null) {
                    embedded.close();
                }
            }
        }
    }

    private Store(StoreConfig config, CypherQueries queries, StoreLock lock, Connection connection) {
        this.config = config;
        this.database = config.database();
        this.queries = queries;
        this.lock = lock;
        this.connection = connection;
    }

    /**
     * Opens the store {@code config} names, checks connectivity and applies the schema. An embedded store's folder is
     * this process's until {@link #close()}: another process (or store) opening it gets {@link StoreInUseException}.
     */
    public static Store open(StoreConfig config) {
        Objects.requireNonNull(config, "config");
        CypherQueries queries = CypherQueries.load();
        StoreLock lock = config.isExternal() ? null : StoreLock.acquire(config.dataDir());
        Store store;
        try {
            if (lock != null) {
                requireSpaceToStart(config.dataDir());
            }
            store = new Store(config, queries, lock, connect(config, queries));
        } catch (RuntimeException e) {
            if (lock != null) {
                lock.close();
            }
            throw e;
        }
        try {
            store.applySchema();
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
        return store;
    }

    private static Connection connect(StoreConfig config, CypherQueries queries) {
        EmbeddedNeo4j embedded = null;
        Driver driver = null;
        try {
            String description;
            AuthToken auth;
            String uri;
            if (config.isExternal()) {
                uri = config.externalUri().toString();
                auth = config.user() == null ? AuthTokens.none() : AuthTokens.basic(config.user(), config.password());
                description = "external Neo4j at " + uri + " (database " + config.database() + ")";
            } else {
                embedded = EmbeddedNeo4j.start(config.dataDir(), config.boltHost(), config.boltPort(), config.boltPassword(),
                        config.boltWebSocket(), queries);
                uri = embedded.boltUri().toString();
                auth = AuthTokens.basic(EmbeddedNeo4j.USER, embedded.password());
                // No Bolt address: the endpoint is the application's own unless serve --bolt-port opens (and prints) it.
                description = "embedded Neo4j in " + config.dataDir().toAbsolutePath().normalize();
            }
            driver = GraphDatabase.driver(uri, auth, Config.builder()
                    .withLogging(WITHOUT_TRACE)
                    .withConnectionTimeout(15, TimeUnit.SECONDS)
                    .build());
            driver.verifyConnectivity();
            return new Connection(driver, embedded, description);
        } catch (RuntimeException e) {
            if (driver != null) {
                driver.close();
            }
            if (embedded != null) {
                embedded.close();
            }
            if (!config.isExternal() && lockedByNeo4j(e)) {
                // Held by something that does not take Bridgemap's lock (neo4j-admin, an older Bridgemap).
                throw new StoreInUseException(config.dataDir().toAbsolutePath().normalize(),
                        "another process (Neo4j reports its lock file locked), probably a Bridgemap server "
                                + "(`bridgemap serve`) or neo4j-admin");
            }
            throw e;
        }
    }

    /** True when {@code e} or a cause is Neo4j's refusal of a store another process holds. */
    private static boolean lockedByNeo4j(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof org.neo4j.io.locker.FileLockException) {
                return true;
            }
        }
        return false;
    }

    /**
     * Refuses to start the engine on a disk without the space a start writes (a new store reserves its transaction
     * logs): Neo4j would otherwise fail with a misleading error, or hang closing ({@link DiskSpace}).
     */
    private static void requireSpaceToStart(Path home) {
        if (Files.exists(home.resolve("data").resolve("databases").resolve(GraphDatabaseSettings.DEFAULT_DATABASE_NAME))) {
            DiskSpace.require(home, DiskSpace.TO_OPEN_MB * DiskSpace.MB, "starting the store",
                    "free some space on that disk and try again (what was committed is safe)");
        } else {
            DiskSpace.require(home, DiskSpace.toCreate(), "the store",
                    "free some space or choose another --data folder (a new store reserves "
                            + DiskSpace.mb(DiskSpace.logReservation()) + " of transaction log for each of its two databases)");
        }
    }

    /**
     * Refuses, before anything is written, an import of {@code inputBytes} of bundle (by the bulk importer when
     * {@code bulk}) that the embedded store's disk has not the space for. An external Neo4j looks after its own disk.
     */
    public void requireSpaceToImport(long inputBytes, boolean bulk) {
        if (isEmbedded()) {
            DiskSpace.require(config.dataDir(), DiskSpace.toImport(inputBytes, bulk), "this import",
                    "nothing was written; free some space on that disk and import again");
        }
    }

    /**
     * {@code e}, a failure while {@code doing} something, as a {@link DiskSpaceException} when it came from the embedded
     * store's disk filling up; otherwise {@code e} itself.
     */
    public RuntimeException explain(RuntimeException e, String doing) {
        if (e instanceof DiskSpaceException || !isEmbedded()
                || !(DiskSpace.saysDiskFull(e) || DiskSpace.isFull(config.dataDir()))) {
            return e;
        }
        Path home = config.dataDir().toAbsolutePath().normalize();
        return new DiskSpaceException("the disk holding " + home + " filled up while " + doing + " ("
                + DiskSpace.mb(DiskSpace.free(home)) + " free now): the store keeps what was committed before, and "
                + "either all or none of this; free some space and try again", e);
    }

    /** Work done on the embedded store's home directory while its engine is stopped. */
    @FunctionalInterface
    public interface OfflineWork<T> {
        T run(Path home) throws java.io.IOException;
    }

    /**
     * Embedded stores only: closes the driver, stops the engine, runs {@code work} on the store's home directory,
     * then starts the engine again and reapplies the schema, whether or not the work succeeded. For the bulk loader
     * ({@link BulkLoad}), which writes a database no transaction may see until it is complete; sessions open on the
     * old driver fail, so only a caller that has the store to itself (the command line) may use this.
     */
    public synchronized <T> T withEngineStopped(OfflineWork<T> work) throws java.io.IOException {
        if (!isEmbedded()) {
            throw new IllegalStateException("only the embedded store can be stopped for offline work");
        }
        connection.close();
        try {
            return work.run(config.dataDir());
        } finally {
            connection = connect(config, queries);
            applySchema();
        }
    }

    private void applySchema() {
        try (Session session = session()) {
            dropOrphanedConstraintIndexes(session);
            for (String statement : queries.schema()) {
                session.run(statement).consume();
            }
        }
        LOG.debug("Applied {} schema statements", queries.schema().size());
    }

    /**
     * Drops what a crash during a constraint's creation leaves: an index named after the constraint that no constraint
     * owns, which would make the constraint's {@code CREATE ... IF NOT EXISTS} fail on every start. The constraint is
     * then built again by {@link #applySchema()}.
     */
    private void dropOrphanedConstraintIndexes(Session session) {
        for (Record orphan : session.run(cypher(Query.ORPHAN_CONSTRAINT_INDEXES), Map.of("schema", queries.schema())).list()) {
            String name = orphan.get("name").asString();
            LOG.warn("Dropping index {}, left without its constraint by an interrupted start; the constraint is built again",
                    name);
            session.run(cypher(Query.DROP_INDEX), Map.of("name", name)).consume();
        }
    }

    /** A session on the application's database. */
    public Session session() {
        return connection.driver().session(SessionConfig.forDatabase(database));
    }

    /** A session with its own configuration (e.g. READ access mode); it must name {@link #database()}. */
    public Session session(SessionConfig config) {
        return connection.driver().session(config);
    }

    /** The name of the database the application uses. */
    public String database() {
        return database;
    }

    /** The text of {@code query}. */
    public String cypher(Query query) {
        return queries.text(query);
    }

    /** Runs {@code query} in a read transaction and returns its records. */
    public List<Record> read(Query query, Map<String, Object> parameters) {
        return readTransaction(tx -> tx.run(cypher(query), parameters).list());
    }

    /** Runs {@code work} in a managed read transaction. */
    public <T> T readTransaction(Function<TransactionContext, T> work) {
        try (Session session = session()) {
            return session.executeRead(work::apply);
        }
    }

    /** True when the store answers a trivial query. */
    public boolean ping() {
        try {
            return read(Query.PING, Map.of()).get(0).get("ok").asInt() == 1;
        } catch (RuntimeException e) {
            LOG.warn("Store ping failed: {}", e.getMessage());
            return false;
        }
    }

    /** "embedded Neo4j in …" or "external Neo4j at …". */
    public String description() {
        return connection.description();
    }

    /**
     * The embedded engine's Bolt address, empty when external. Only an endpoint opened with a password
     * ({@link StoreConfig#withExposedBolt}) lets anyone but this store's own driver in.
     */
    public java.util.Optional<java.net.URI> embeddedBoltUri() {
        return java.util.Optional.ofNullable(connection.embedded()).map(EmbeddedNeo4j::boltUri);
    }

    public boolean isEmbedded() {
        return connection.embedded() != null;
    }

    @Override
    public void close() {
        try {
            connection.close();
        } finally {
            if (lock != null) {
                lock.close();
            }
        }
    }
}
