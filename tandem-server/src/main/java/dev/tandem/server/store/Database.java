package dev.tandem.server.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.SQLException;
import java.util.Optional;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;
import org.jdbi.v3.postgres.PostgresPlugin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's PostgreSQL: embedded under a data folder or external by URL, a connection pool, the
 * same Flyway migrations on both, and transactions through Jdbi.
 */
public final class Database implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Database.class);

    private final HikariDataSource pool;
    private final Jdbi jdbi;
    private final EmbeddedPostgres embedded;
    private final DataFolderLock lock;
    private final String description;

    private Database(HikariDataSource pool, EmbeddedPostgres embedded, DataFolderLock lock, String description) {
        this.pool = pool;
        this.embedded = embedded;
        this.lock = lock;
        this.description = description;
        this.jdbi = Jdbi.create(pool).installPlugin(new PostgresPlugin());
    }

    /**
     * Opens the database for a server: starts the embedded one (refusing a data folder another server
     * holds) or connects to the external one, then migrates.
     */
    public static Database open(DatabaseSettings settings, int poolSize) throws DatabaseException {
        return switch (settings) {
            case DatabaseSettings.Embedded embedded -> {
                DataFolderLock lock = lock(embedded);
                if (lock == null) {
                    throw new DatabaseException("another tandem server is using the data folder " + embedded.dataDir()
                            + "; stop it or give another --data folder");
                }
                yield startEmbedded(embedded, lock, poolSize);
            }
            case DatabaseSettings.External external -> connect(external, poolSize);
        };
    }

    /**
     * Opens the database of a data folder for a short task (audit verify): the running server's
     * PostgreSQL when a server holds the folder, else the embedded one started for the task.
     */
    public static Database attach(DatabaseSettings settings) throws DatabaseException {
        if (settings instanceof DatabaseSettings.Embedded embedded) {
            DataFolderLock lock = lock(embedded);
            if (lock == null) {
                Optional<Integer> port = EmbeddedPostgresProcess.runningPort(embedded.dataDir());
                if (port.isEmpty()) {
                    throw new DatabaseException("a tandem server holds " + embedded.dataDir()
                            + " but its database is not running yet; try again in a moment");
                }
                return connect(new DatabaseSettings.External("jdbc:postgresql://127.0.0.1:" + port.get() + "/postgres",
                        "postgres", null), 2);
            }
            return startEmbedded(embedded, lock, 2);
        }
        return open(settings, 2);
    }

    private static DataFolderLock lock(DatabaseSettings.Embedded embedded) throws DatabaseException {
        try {
            return DataFolderLock.tryAcquire(embedded.dataDir()).orElse(null);
        } catch (IOException e) {
            throw new DatabaseException("cannot use the data folder " + embedded.dataDir() + ": " + e.getMessage(), e);
        }
    }

    private static Database startEmbedded(DatabaseSettings.Embedded settings, DataFolderLock lock, int poolSize)
            throws DatabaseException {
        EmbeddedPostgres postgres;
        try {
            postgres = EmbeddedPostgresProcess.start(settings.dataDir());
        } catch (IOException | RuntimeException e) {
            closeQuietly(lock);
            throw new DatabaseException("could not start the embedded PostgreSQL under " + settings.dataDir() + ": "
                    + e.getMessage(), e);
        }
        HikariConfig config = poolConfig(poolSize);
        config.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
        try {
            return migrated(new Database(new HikariDataSource(config), postgres, lock,
                    "embedded PostgreSQL under " + settings.dataDir() + " (127.0.0.1:" + postgres.getPort() + ")"));
        } catch (RuntimeException e) {
            closeQuietly(postgres);
            closeQuietly(lock);
            throw new DatabaseException("could not connect to the embedded PostgreSQL: " + e.getMessage(), e);
        }
    }

    private static Database connect(DatabaseSettings.External settings, int poolSize) throws DatabaseException {
        HikariConfig config = poolConfig(poolSize);
        config.setJdbcUrl(settings.url());
        if (settings.user() != null && !settings.user().isBlank()) {
            config.setUsername(settings.user());
        }
        if (settings.password() != null) {
            config.setPassword(settings.password());
        }
        try {
            return migrated(new Database(new HikariDataSource(config), null, null,
                    "PostgreSQL at " + settings.url().replaceAll("password=[^&]*", "password=***")));
        } catch (RuntimeException e) {
            throw new DatabaseException("could not connect to " + settings + ": " + rootMessage(e), e);
        }
    }

    private static HikariConfig poolConfig(int poolSize) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("tandem");
        config.setMaximumPoolSize(poolSize);
        config.setMinimumIdle(Math.min(2, poolSize));
        config.setConnectionTimeout(30_000);
        config.setAutoCommit(true);
        return config;
    }

    private static Database migrated(Database database) throws DatabaseException {
        try {
            Flyway.configure().dataSource(database.pool).locations("classpath:db/migration")
                    .failOnMissingLocations(true).load().migrate();
        } catch (FlywayException e) {
            database.close();
            throw new DatabaseException("the database schema could not be migrated: " + rootMessage(e), e);
        }
        LOG.info("database: {}", database.description);
        return database;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? e.getMessage() : root.getMessage();
    }

    /** Runs {@code work} in one read-committed transaction: all of it is kept, or none. */
    public <R, X extends Exception> R transaction(HandleCallback<R, X> work) throws X {
        return jdbi.inTransaction(TransactionIsolationLevel.READ_COMMITTED, work);
    }

    /** Runs read-only {@code work} in one repeatable-read transaction: every statement sees the same snapshot. */
    public <R, X extends Exception> R snapshotRead(HandleCallback<R, X> work) throws X {
        return jdbi.inTransaction(TransactionIsolationLevel.REPEATABLE_READ, work);
    }

    /** Runs read-only {@code work} on one connection. */
    public <R, X extends Exception> R read(HandleCallback<R, X> work) throws X {
        return jdbi.withHandle(work);
    }

    /** Plain JDBC work on one connection (a hot path's single statement, where Jdbi's machinery costs more). */
    @FunctionalInterface
    public interface ConnectionWork<R> {
        R run(java.sql.Connection connection) throws SQLException;
    }

    /**
     * Runs read-only {@code work} on one pooled connection with plain JDBC; an SQL failure is thrown unchecked,
     * as Jdbi throws it (the API answers 500 and logs it).
     */
    public <R> R readConnection(ConnectionWork<R> work) {
        try (java.sql.Connection connection = pool.getConnection()) {
            return work.run(connection);
        } catch (SQLException e) {
            throw new org.jdbi.v3.core.ConnectionException(e);
        }
    }

    /** The pool, for health checks. */
    public DataSource dataSource() {
        return pool;
    }

    /** True when a connection answers. */
    public boolean healthy() {
        try (var connection = pool.getConnection()) {
            return connection.isValid(2);
        } catch (SQLException | RuntimeException e) {
            return false;
        }
    }

    public String description() {
        return description;
    }

    /** Opens a handle for a caller that manages it (long exports). */
    public Handle open() {
        return jdbi.open();
    }

    @Override
    public void close() {
        pool.close();
        closeQuietly(embedded);
        closeQuietly(lock);
    }

    private static void closeQuietly(AutoCloseable closeable) {
        if (closeable == null) {
            return;
        }
        try {
            closeable.close();
        } catch (Exception e) {
            LOG.warn("while closing the database: {}", e.getMessage());
        }
    }
}
