package dev.tandem.server;

import dev.tandem.server.auth.Caller;
import dev.tandem.server.auth.FirstStart;
import dev.tandem.server.feeds.FeedRefresh;
import dev.tandem.server.feeds.Scheduling;
import dev.tandem.server.feeds.Watch;
import dev.tandem.server.http.Api;
import dev.tandem.server.http.MonitorRoutes;
import dev.tandem.server.incident.IncidentBook;
import dev.tandem.server.monitor.CaseBook;
import dev.tandem.server.monitor.Monitoring;
import dev.tandem.server.notify.Deliverer;
import dev.tandem.usecase.KnowledgeBase;
import dev.tandem.server.portfolio.Examples;
import dev.tandem.server.portfolio.Services;
import dev.tandem.server.store.Database;
import dev.tandem.server.store.DatabaseException;
import dev.tandem.server.store.Organisations;
import dev.tandem.server.store.Role;
import dev.tandem.server.store.Tenant;
import dev.tandem.server.web.Pages;
import io.javalin.Javalin;
import java.io.IOException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code tandem serve}: the database (embedded or external, migrated), the first start's
 * organisation and admin, the bundled examples on request, and the HTTP server (API and web UI).
 */
public final class TandemServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TandemServer.class);

    private final Database database;
    private final Javalin app;
    private final Services services;
    private final Optional<FirstStart.Created> firstStart;
    private final Watch watch;

    private TandemServer(Database database, Javalin app, Services services, Optional<FirstStart.Created> firstStart,
            Watch watch) {
        this.database = database;
        this.app = app;
        this.services = services;
        this.firstStart = firstStart;
        this.watch = watch;
    }

    /** Starts everything without feeds (snapshots uploaded by hand); clocks and notifications run. */
    public static TandemServer start(ServerOptions options) throws DatabaseException, IOException {
        return start(options, MonitorOptions.defaults());
    }

    /** Starts everything; a failure to start leaves nothing running. */
    public static TandemServer start(ServerOptions options, MonitorOptions monitor) throws DatabaseException, IOException {
        Database database = Database.open(options.database(), 20);
        Scheduling scheduling = null;
        try {
            Services services = Services.of(database, options.clock(), monitor.stale());
            Optional<FirstStart.Created> created = FirstStart.ensure(database, options.dataDir(), options.clock());
            created.ifPresent(c -> LOG.info("first start: created the organisation '{}' and its admin user '{}'; the admin"
                    + " API key is in {} and the password in {} (readable by you only)", c.organisation(),
                    c.adminUsername(), c.keyFile(), c.passwordFile()));
            if (options.loadExamples()) {
                Examples.Loaded loaded = services.examples().load(systemCaller(database));
                LOG.info("examples: {} products added, advisory snapshot {}", loaded.products(),
                        loaded.snapshot() ? "loaded" : "kept (one was in use)");
            }
            String instance = monitor.instanceName() != null ? monitor.instanceName()
                    : hostName() + ":" + options.port() + ":" + ProcessHandle.current().pid();
            CaseBook cases = new CaseBook(database, options.clock(), KnowledgeBase.bundled());
            FeedRefresh refresh = new FeedRefresh(database, options.clock(), services.snapshots(),
                    options.dataDir().resolve("feeds"), monitor.feedsFile(), monitor.publishers(), instance,
                    FeedRefresh.settings());
            dev.tandem.server.notify.WebhookTargets targets = new dev.tandem.server.notify.WebhookTargets(monitor.privateWebhooks());
            Deliverer deliverer = new Deliverer(database, options.clock(), monitor.smtp(), monitor.retryBackoff())
                    .checking(targets);
            IncidentBook incidents = new IncidentBook(database, services.documents(), options.clock(), KnowledgeBase.bundled());
            scheduling = Scheduling.start(database, options.clock(), monitor, refresh, cases, incidents, deliverer, instance);
            Watch watch = new Watch(cases, new Monitoring(database, options.clock(), targets), scheduling, database);
            Api api = new Api(services, options.maxSbomBytes(), options.maxSnapshotBytes());
            Pages pages = new Pages(services);
            Javalin app = Javalin.create(config -> {
                config.startup.showJavalinBanner = false;
                config.http.maxRequestSize = options.maxSnapshotBytes();
                config.http.prefer405over404 = true;
                config.jetty.host = options.host();
                config.jetty.port = options.port();
                config.jetty.multipartConfig.maxFileSize(options.maxSbomBytes(), io.javalin.config.SizeUnit.BYTES);
                config.jetty.multipartConfig.maxTotalRequestSize(options.maxSbomBytes() + 65536, io.javalin.config.SizeUnit.BYTES);
                config.jetty.multipartConfig.maxInMemoryFileSize(8, io.javalin.config.SizeUnit.MB);
                config.staticFiles.enableWebjars();
                config.staticFiles.add(files -> {
                    files.hostedPath = "/static";
                    files.directory = "/dev/tandem/server/web/static";
                    files.location = io.javalin.http.staticfiles.Location.CLASSPATH;
                });
                api.register(config.routes);
                new MonitorRoutes(services, watch).register(config.routes);
                pages.register(config.routes);
                pages.registerMonitoring(config.routes, watch);
                Api.answerHeadAsGet(config);
                config.routes.after(ctx -> Api.SECURITY_HEADERS.forEach(ctx::header));
                config.routes.exception(io.javalin.http.HttpResponseException.class, (e, ctx) -> {
                    if (e.getStatus() == 404 || e.getStatus() == 405) {
                        // Javalin's own answer for a path or method no route takes.
                        ctx.status(e.getStatus());
                        if (Api.isApiPath(ctx.path())) {
                            Api.notFound(ctx);
                        } else {
                            pages.notFound(ctx);
                        }
                    } else if (Api.isApiPath(ctx.path())) {
                        Api.refused(ctx, e);
                    } else {
                        pages.error(ctx, e.getStatus(), e.getMessage());
                    }
                });
                config.routes.exception(Exception.class, (e, ctx) -> {
                    if (Api.isApiPath(ctx.path())) {
                        Api.internalError(ctx, e);
                    } else {
                        LOG.error("internal error on {} {}", ctx.method(), ctx.path(), e);
                        pages.error(ctx, 500, "Something went wrong on the server; its log has the details.");
                    }
                });
                config.routes.error(404, ctx -> notFound(ctx, pages));
                config.routes.error(405, ctx -> notFound(ctx, pages));
            });
            app.start();
            LOG.info("tandem serve: listening on http://{}:{}/ (API under /api/v1, OpenAPI at {})", options.host(),
                    app.port(), Api.OPENAPI_PATH);
            return new TandemServer(database, app, services, created, watch);
        } catch (IOException | RuntimeException e) {
            if (scheduling != null) {
                scheduling.close();
            }
            database.close();
            throw e;
        }
    }

    private static void notFound(io.javalin.http.Context ctx, Pages pages) {
        String type = ctx.res().getContentType();
        if (type != null && (type.startsWith("application/problem+json") || type.startsWith("text/html"))) {
            return; // a handler answered already
        }
        if (Api.isApiPath(ctx.path())) {
            Api.notFound(ctx);
        } else {
            pages.notFound(ctx);
        }
    }

    /** The examples are loaded as the system, an operator admin of the first organisation. */
    private static Caller systemCaller(Database database) {
        Tenant tenant = database.read(h -> new Organisations(h).find(dev.tandem.server.auth.Authenticator.OPERATOR_ORGANISATION))
                .orElseThrow(() -> new IllegalStateException("the organisation 'default' is missing"));
        return new Caller(tenant, "system:examples", Role.ADMIN, true);
    }

    /** The port it listens on (the one chosen when 0 was asked for). */
    public int port() {
        return app.port();
    }

    public Services services() {
        return services;
    }

    /** What the first start created, when this start was the first. */
    public Optional<FirstStart.Created> firstStart() {
        return firstStart;
    }

    /** Monitoring: cases, settings, logs, the scheduler. */
    public Watch watch() {
        return watch;
    }

    private static String hostName() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.net.UnknownHostException e) {
            return "localhost";
        }
    }

    @Override
    public void close() {
        try {
            app.stop();
        } finally {
            try {
                watch.scheduling().close();
            } finally {
                database.close();
            }
        }
    }
}
