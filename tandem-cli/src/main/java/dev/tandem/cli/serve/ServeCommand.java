package dev.tandem.cli.serve;

import dev.tandem.cli.exit.ExitCode;
import dev.tandem.cli.exit.UsageException;
import dev.tandem.cli.options.DatabaseOption;
import dev.tandem.server.MonitorOptions;
import dev.tandem.server.ServerOptions;
import dev.tandem.server.TandemServer;
import dev.tandem.server.store.DatabaseException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
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
                "With --feeds it refreshes advisories and KEV on a schedule, opens a vulnerability case with the CRA "
                        + "reporting clocks when a known-exploited vulnerability lands in a product, and notifies by "
                        + "webhook and e-mail.",
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

    @Option(names = "--feeds", paramLabel = "FILE|default",
            description = "Refresh the advisory snapshot from the feeds this file names (tandem-feeds.yaml, as for db "
                    + "update), on a schedule and on demand; 'default' fetches every feed from its publisher. Without it, "
                    + "snapshots are uploaded by hand.")
    String feeds;

    @Option(names = "--refresh-every", paramLabel = "DURATION", defaultValue = "PT1H",
            description = "How often the feeds are refreshed, ISO-8601 (default: ${DEFAULT-VALUE}; at least PT5M).")
    java.time.Duration refreshEvery;

    @Option(names = "--stale-after", paramLabel = "DURATION", defaultValue = "PT48H",
            description = "Warn (on /health, the monitoring and portfolio pages) when the advisory snapshot was last updated "
                    + "longer ago than this, ISO-8601 (default: ${DEFAULT-VALUE}: two missed daily publications).")
    java.time.Duration staleAfter;

    @Option(names = "--stale-failures", paramLabel = "N", defaultValue = "3",
            description = "Warn when the feed refresh failed its last N runs, naming the failing feed (default: ${DEFAULT-VALUE}).")
    int staleFailures;

    @Option(names = "--instance-name", paramLabel = "NAME",
            description = "This instance's name in the scheduler and the refresh log (default: host, port and process id).")
    String instanceName;

    @Option(names = "--smtp-host", paramLabel = "HOST",
            description = "The SMTP server e-mail notifications go through (user in TANDEM_SMTP_USER, password in "
                    + "TANDEM_SMTP_PASSWORD). Without it, no e-mail is sent.")
    String smtpHost;

    @Option(names = "--smtp-port", paramLabel = "PORT", defaultValue = "587",
            description = "The SMTP server's port (default: ${DEFAULT-VALUE}).")
    int smtpPort;

    @Option(names = "--smtp-from", paramLabel = "ADDRESS", defaultValue = "tandem@localhost",
            description = "The sender of e-mail notifications (default: ${DEFAULT-VALUE}).")
    String smtpFrom;

    @Option(names = "--smtp-starttls", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Require STARTTLS (default: on; --no-smtp-starttls for a relay on this machine).")
    boolean smtpStartTls;

    @Option(names = "--allow-private-webhooks",
            description = "Allow webhooks to loopback, link-local and private addresses (refused by default: an "
                    + "organisation's admin must not make the server call services on its own network).")
    boolean allowPrivateWebhooks;

    /** The monitoring options these flags give. */
    MonitorOptions monitor() {
        if (port < 0 || port > 65535) {
            throw new UsageException("--port must be 0 to 65535, not " + port);
        }
        if (refreshEvery.compareTo(java.time.Duration.ofMinutes(5)) < 0) {
            throw new UsageException("--refresh-every must be at least PT5M: the publishers update daily or hourly");
        }
        if (staleAfter.isNegative() || staleAfter.isZero()) {
            throw new UsageException("--stale-after must be a positive duration, not " + staleAfter);
        }
        if (staleFailures < 1) {
            throw new UsageException("--stale-failures must be at least 1, not " + staleFailures);
        }
        MonitorOptions monitor = MonitorOptions.defaults().withInstanceName(instanceName)
                .withPrivateWebhooks(allowPrivateWebhooks)
                .withStale(new dev.tandem.server.portfolio.AdvisoryFreshness.Limits(staleAfter, staleFailures));
        monitor = monitor.withIntervals(refreshEvery, monitor.clockEvery(), monitor.deliverEvery(), monitor.heartbeat());
        if (feeds != null) {
            if (feeds.equals("default")) {
                monitor = monitor.withPublishers(true);
            } else {
                Path file = Path.of(feeds);
                if (!Files.isRegularFile(file)) {
                    throw new UsageException("--feeds: " + feeds + " is not a file (or 'default')");
                }
                monitor = monitor.withFeeds(file.toAbsolutePath());
            }
        }
        if (smtpHost != null) {
            if (smtpPort < 1 || smtpPort > 65535) {
                throw new UsageException("--smtp-port must be 1 to 65535, not " + smtpPort);
            }
            monitor = monitor.withSmtp(new MonitorOptions.Smtp(smtpHost, smtpPort, smtpFrom,
                    System.getenv("TANDEM_SMTP_USER"), System.getenv("TANDEM_SMTP_PASSWORD"), smtpStartTls));
        }
        return monitor;
    }

    @Override
    public Integer call() throws Exception {
        MonitorOptions monitor = monitor();
        ServerOptions options = new ServerOptions(host, port, database.dataDir(), database.settings(System.getenv()),
                loadExamples, ServerOptions.DEFAULT_MAX_SBOM, ServerOptions.DEFAULT_MAX_SNAPSHOT, Clock.systemUTC());
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        TandemServer server;
        try {
            server = TandemServer.start(options, monitor);
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
