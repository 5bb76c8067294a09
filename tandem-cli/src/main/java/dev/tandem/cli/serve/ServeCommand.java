package dev.tandem.cli.serve;

import dev.tandem.cli.exit.ExitCode;
import dev.tandem.cli.exit.UsageException;
import dev.tandem.cli.options.DatabaseOption;
import dev.tandem.server.ServerOptions;
import dev.tandem.server.TandemServer;
import dev.tandem.server.store.DatabaseException;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code tandem serve}: the system of record, its REST API and web UI, until Ctrl-C or SIGTERM. */
@Command(name = "serve",
        mixinStandardHelpOptions = true,
        description = {
                "Run Tandem as a server: products, releases, SBOMs, findings and triage decisions kept in PostgreSQL, "
                        + "a REST API under /api/v1 (OpenAPI at /api/openapi.json) and a web UI.",
                "The database is embedded (PostgreSQL 17 started from the jar) unless --database-url names one.",
                "On first start it creates the organisation 'default', the user 'admin' and an admin API key, written to "
                        + "DATA/admin-password and DATA/admin-key (readable by you only).",
                "Exit codes: 0 stopped, 2 could not start (port in use, bad database URL, data folder held by another server)."})
public final class ServeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    DatabaseOption database;

    @Option(names = "--host", paramLabel = "HOST", defaultValue = "127.0.0.1",
            description = "Address to listen on (default: ${DEFAULT-VALUE}; 0.0.0.0 for every interface).")
    String host;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "8080",
            description = "Port to listen on (default: ${DEFAULT-VALUE}; 0 picks a free one).")
    int port;

    @Option(names = "--load-examples",
            description = "Load the bundled examples (advisories and KEV as a snapshot, three products with SBOMs, a "
                    + "product profile, incidents) into the organisation 'default'.")
    boolean loadExamples;

    @Override
    public Integer call() throws Exception {
        if (port < 0 || port > 65535) {
            throw new UsageException("--port must be 0 to 65535, not " + port);
        }
        ServerOptions options = new ServerOptions(host, port, database.dataDir(), database.settings(System.getenv()),
                loadExamples, ServerOptions.DEFAULT_MAX_SBOM, ServerOptions.DEFAULT_MAX_SNAPSHOT, Clock.systemUTC());
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        TandemServer server;
        try {
            server = TandemServer.start(options);
        } catch (DatabaseException e) {
            err.println("tandem: " + e.getMessage());
            err.flush();
            return ExitCode.BAD_INPUT;
        } catch (RuntimeException e) {
            if (causedByBind(e)) {
                err.println("tandem: cannot listen on " + host + ":" + port + ": " + e.getMessage());
                err.flush();
                return ExitCode.BAD_INPUT;
            }
            throw e;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "tandem-serve-shutdown"));
        out.println("tandem serve: http://" + displayHost() + ":" + server.port() + "/ (API: /api/v1, OpenAPI: "
                + "/api/openapi.json). Ctrl-C stops.");
        out.flush();
        stopped.await();
        return ExitCode.OK;
    }

    private String displayHost() {
        return host.contains(":") ? "[" + host + "]" : host;
    }

    private static boolean causedByBind(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.net.BindException) {
                return true;
            }
        }
        return false;
    }
}
