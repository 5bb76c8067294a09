package dev.tandem.server;

import dev.tandem.server.store.DatabaseSettings;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * How to run the server.
 *
 * @param dataDir          where the embedded database lives and the first start writes the admin
 *                         key and password (with an external database: the secrets only)
 * @param maxSbomBytes     the largest SBOM upload
 * @param maxSnapshotBytes the largest advisory snapshot upload
 */
public record ServerOptions(String host, int port, Path dataDir, DatabaseSettings database, boolean loadExamples,
        long maxSbomBytes, long maxSnapshotBytes, Clock clock) {

    /** The default SBOM size limit: 256 MiB (large container images' SBOMs run to tens of MiB). */
    public static final long DEFAULT_MAX_SBOM = 256L << 20;
    /** The default snapshot size limit: the format's 2 GiB. */
    public static final long DEFAULT_MAX_SNAPSHOT = (2L << 30) - 64;

    public ServerOptions {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(clock, "clock");
        // PostgreSQL keeps microseconds: a time answered before it is stored must read back the same.
        clock = Clock.tick(clock, Duration.ofNanos(1_000));
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("a port is 0 to 65535, not " + port);
        }
    }

    /** Embedded database under {@code dataDir}, on {@code host:port}. */
    public static ServerOptions embedded(String host, int port, Path dataDir) {
        return new ServerOptions(host, port, dataDir, new DatabaseSettings.Embedded(dataDir), false, DEFAULT_MAX_SBOM,
                DEFAULT_MAX_SNAPSHOT, Clock.systemUTC());
    }

    public ServerOptions withDatabase(DatabaseSettings settings) {
        return new ServerOptions(host, port, dataDir, settings, loadExamples, maxSbomBytes, maxSnapshotBytes, clock);
    }

    public ServerOptions withExamples(boolean load) {
        return new ServerOptions(host, port, dataDir, database, load, maxSbomBytes, maxSnapshotBytes, clock);
    }

    public ServerOptions withClock(Clock newClock) {
        return new ServerOptions(host, port, dataDir, database, loadExamples, maxSbomBytes, maxSnapshotBytes, newClock);
    }
}
