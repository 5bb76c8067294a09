package dev.tandem.server.store;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded PostgreSQL of a data folder: started from the Maven artifacts' binaries, listening on
 * loopback only. A postmaster left running by a server that was killed (kill -9 leaves PostgreSQL
 * alive) is stopped first, so a restart finds the files consistent and the port free.
 */
final class EmbeddedPostgresProcess {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedPostgresProcess.class);

    private EmbeddedPostgresProcess() {
    }

    static EmbeddedPostgres start(Path dataDir) throws IOException {
        Path pgData = dataDir.resolve("postgres");
        Files.createDirectories(dataDir);
        restrict(dataDir);
        stopOrphan(pgData);
        return EmbeddedPostgres.builder()
                .setDataDirectory(pgData)
                .setCleanDataDirectory(false)
                .setRegisterShutdownHook(false)
                .setPGStartupWait(Duration.ofSeconds(60))
                .setServerConfig("listen_addresses", "127.0.0.1")
                .setServerConfig("max_connections", "100")
                // The library starts PostgreSQL for tests: -F (no fsync) and synchronous_commit=off. A system of
                // record must not lose a commit it acknowledged, nor its files on a power cut; these -c options
                // come after -F on the command line, so they win.
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .start();
    }

    /** The port of a postmaster running on {@code dataDir}, when one is. */
    static Optional<Integer> runningPort(Path dataDir) {
        return postmaster(dataDir.resolve("postgres")).filter(p -> p.process().isAlive()).map(Postmaster::port);
    }

    private record Postmaster(ProcessHandle process, int port) {
    }

    private static Optional<Postmaster> postmaster(Path pgData) {
        Path pidFile = pgData.resolve("postmaster.pid");
        if (!Files.isRegularFile(pidFile)) {
            return Optional.empty();
        }
        try {
            List<String> lines = Files.readAllLines(pidFile);
            long pid = Long.parseLong(lines.get(0).strip());
            int port = lines.size() > 3 ? Integer.parseInt(lines.get(3).strip()) : 0;
            return ProcessHandle.of(pid).map(handle -> new Postmaster(handle, port));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static void stopOrphan(Path pgData) {
        postmaster(pgData).filter(p -> p.process().isAlive())
                .filter(p -> p.process().info().command().map(c -> c.endsWith("postgres")).orElse(true))
                .ifPresent(orphan -> {
                    LOG.warn("stopping the PostgreSQL (pid {}) left running on {} by a server that did not shut down",
                            orphan.process().pid(), pgData);
                    // SIGTERM: PostgreSQL's smart shutdown; its clients died with the old server.
                    orphan.process().destroy();
                    try {
                        orphan.process().onExit().get(60, TimeUnit.SECONDS);
                    } catch (Exception e) {
                        LOG.warn("PostgreSQL (pid {}) did not stop within 60 s; stopping it immediately",
                                orphan.process().pid());
                        orphan.process().destroyForcibly();
                    }
                });
    }

    /** Owner-only access to the data folder: it holds the database, the admin key and password. */
    private static void restrict(Path dir) {
        try {
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
        } catch (UnsupportedOperationException | IOException e) {
            LOG.debug("could not restrict {} to its owner: {}", dir, e.getMessage());
        }
    }
}
