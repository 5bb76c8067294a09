package dev.tandem.server;

import dev.tandem.server.store.DatabaseSettings;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One embedded PostgreSQL for the whole test run (started on first use, stopped when the JVM
 * exits), and a fresh database in it for each test class that asks: tests stay isolated without
 * paying a PostgreSQL start each.
 */
public final class TestDatabase {

    private static EmbeddedPostgres postgres;
    private static final AtomicInteger COUNTER = new AtomicInteger();

    private TestDatabase() {
    }

    /** The shared PostgreSQL, started once. */
    public static synchronized EmbeddedPostgres postgres() {
        if (postgres == null) {
            try {
                Path dir = Files.createTempDirectory("tandem-test-pg");
                postgres = EmbeddedPostgres.builder().setDataDirectory(dir).setCleanDataDirectory(true)
                        .setServerConfig("listen_addresses", "127.0.0.1").setServerConfig("max_connections", "300")
                        .setServerConfig("fsync", "off").setServerConfig("synchronous_commit", "off").start();
                EmbeddedPostgres started = postgres;
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        started.close();
                    } catch (IOException e) {
                        // the JVM is going away
                    }
                }));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return postgres;
    }

    /** A new, empty database; its settings as an external PostgreSQL. */
    public static DatabaseSettings.External fresh(String label) {
        String name = "t" + COUNTER.incrementAndGet() + "_" + label.toLowerCase().replaceAll("[^a-z0-9]", "");
        try (Connection connection = postgres().getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("create database " + name);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return new DatabaseSettings.External(postgres().getJdbcUrl("postgres", name), "postgres", null);
    }
}
