package dev.tandem.server.web;

import dev.tandem.server.auth.Authenticator;
import dev.tandem.server.portfolio.Services;
import dev.tandem.server.store.Refusal;
import dev.tandem.server.store.Role;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.HttpStatus;
import io.javalin.http.SameSite;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The web UI's routes, the login session and the rules every page follows: a page needs a session
 * (else the login page, then back), a form post needs the session's CSRF token and a same-origin
 * request, and a refusal is a page with its status, never a stack trace.
 */
public final class Pages {

    private static final Logger LOG = LoggerFactory.getLogger(Pages.class);
    static final String COOKIE = "tandem_session";
    private static final String SESSION = "tandem.web.session";

    private final Services services;
    private final Templates templates = new Templates();

    public Pages(Services services) {
        this.services = services;
    }

    /**
     * The pages' one stylesheet: the documents' design system (tandem-render's {@code tandem.css}) and the
     * application layer over it ({@code static/app.css}), so a page and a document look alike.
     */
    static final byte[] STYLESHEET = (dev.tandem.render.html.HtmlPage.stylesheet() + "\n" + appStylesheet())
            .getBytes(StandardCharsets.UTF_8);

    private static String appStylesheet() {
        try (java.io.InputStream in = Pages.class.getResourceAsStream("static/app.css")) {
            if (in == null) {
                throw new IllegalStateException("static/app.css is missing from the server jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The stale-advisories banner's lines, checked now (empty when the snapshot is fresh). */
    java.util.List<String> staleWarnings() {
        return services.freshness().check().warnings().stream()
                .map(dev.tandem.server.portfolio.AdvisoryFreshness.Warning::message).toList();
    }

    public void register(RoutesConfig routes) {
        routes.get("/static/tandem.css", ctx -> ctx.contentType("text/css; charset=utf-8")
                .header("Cache-Control", "public, max-age=300").result(STYLESHEET));
        routes.get("/login", this::loginForm);
        routes.post("/login", this::login);
        routes.post("/logout", this::logout);
        PortfolioPages portfolio = new PortfolioPages(this, services);
        FindingPages findings = new FindingPages(this, services);
        AdminPages admin = new AdminPages(this, services);
        AccountPages account = new AccountPages(this, services);
        routes.before(ctx -> {
            if (isPage(ctx.path()) && !ctx.path().equals("/login")) {
                requireSession(ctx);
            }
        });
        portfolio.register(routes);
        findings.register(routes);
        new IncidentPages(this, services).register(routes);
        admin.register(routes);
        account.register(routes);
        routes.exception(WebRefusal.class, (e, ctx) -> error(ctx, e.refusal().kind().status(), e.refusal().getMessage()));
        routes.exception(LoginRequired.class, (e, ctx) -> ctx.redirect("/login?next="
                + URLEncoder.encode(e.next(), StandardCharsets.UTF_8), HttpStatus.SEE_OTHER));
    }

    /** The monitoring pages: cases and their clocks, monitoring settings and logs. */
    public void registerMonitoring(RoutesConfig routes, dev.tandem.server.feeds.Watch watch) {
        new CasePages(this, watch).register(routes);
    }

    /** True for the paths the pages answer (everything but the API, health, static files and WebJars). */
    static boolean isPage(String path) {
        return !dev.tandem.server.http.Api.isApiPath(path) && !path.startsWith("/static/") && !path.startsWith("/webjars/");
    }

    /** The logged-in user's session; redirects to the login page when there is none. */
    Authenticator.WebSession session(Context ctx) {
        Authenticator.WebSession session = ctx.attribute(SESSION);
        if (session == null) {
            throw new LoginRequired(ctx.path());
        }
        return session;
    }

    private void requireSession(Context ctx) {
        Optional<Authenticator.WebSession> session = services.authenticator().session(ctx.cookie(COOKIE));
        if (session.isEmpty()) {
            if (ctx.method().name().equals("GET") || ctx.method().name().equals("HEAD")) {
                String query = ctx.queryString();
                throw new LoginRequired(ctx.path() + (query == null ? "" : "?" + query));
            }
            throw new LoginRequired("/");
        }
        ctx.attribute(SESSION, session.get());
        if (!ctx.method().name().equals("GET") && !ctx.method().name().equals("HEAD")) {
            checkOrigin(ctx);
            String token = ctx.formParam("csrf");
            if (token == null || !dev.tandem.server.auth.Tokens.same(token.getBytes(StandardCharsets.UTF_8),
                    session.get().csrfToken().getBytes(StandardCharsets.UTF_8))) {
                throw new WebRefusal(new Refusal(Refusal.Kind.FORBIDDEN,
                        "the form is out of date (its security token does not match); reload the page and try again"));
            }
        }
    }

    /** Refuses a form posted from another site (the browser says where it came from). */
    private static void checkOrigin(Context ctx) {
        String origin = ctx.header("Origin");
        if (origin == null || origin.equals("null")) {
            return;
        }
        try {
            URI uri = URI.create(origin);
            String host = ctx.host();
            String expected = uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "");
            if (host != null && !host.equalsIgnoreCase(expected) && !host.equalsIgnoreCase(uri.getHost())) {
                throw new WebRefusal(new Refusal(Refusal.Kind.FORBIDDEN, "a form from another site was refused"));
            }
        } catch (IllegalArgumentException e) {
            throw new WebRefusal(new Refusal(Refusal.Kind.FORBIDDEN, "a form from another site was refused"));
        }
    }

    private void loginForm(Context ctx) {
        html(ctx, 200, "login.jte", new PageModels.LoginPage(Frame.anonymous("Log in"), safeNext(ctx.queryParam("next")),
                null));
    }

    private void login(Context ctx) {
        checkOrigin(ctx);
        String next = safeNext(ctx.formParam("next"));
        Authenticator.LoginOutcome outcome = services.authenticator().login(ctx.formParam("username"),
                ctx.formParam("password"), ctx.ip());
        switch (outcome) {
            case Authenticator.LoginOutcome.Success success -> {
                Cookie cookie = new Cookie(COOKIE, success.token(), "/", (int) Authenticator.SESSION_LENGTH.toSeconds(),
                        ctx.scheme().equals("https"), true, null, SameSite.LAX);
                ctx.cookie(cookie);
                ctx.redirect(next, HttpStatus.SEE_OTHER);
            }
            case Authenticator.LoginOutcome.Refused refused -> html(ctx, 401, "login.jte",
                    new PageModels.LoginPage(Frame.anonymous("Log in"), next, "The user name or the password is wrong."));
            case Authenticator.LoginOutcome.Throttled throttled -> {
                long seconds = throttled.retryAfter().toSeconds();
                ctx.header("Retry-After", Long.toString(seconds));
                html(ctx, 429, "login.jte", new PageModels.LoginPage(Frame.anonymous("Log in"), next,
                        "Too many failed logins for this account or from this address. Try again in "
                                + duration(seconds) + "."));
            }
        }
    }

    /** A wait in words: seconds under two minutes, else whole minutes (rounded up). */
    static String duration(long seconds) {
        return seconds < 120 ? seconds + " seconds" : (seconds + 59) / 60 + " minutes";
    }

    /** The SHA-256 of the session cookie's token of this request (the session to keep on a password change). */
    static byte[] sessionSha256(Context ctx) {
        String token = ctx.cookie(COOKIE);
        return token == null ? null : dev.tandem.server.auth.Tokens.sha256(token);
    }

    private void logout(Context ctx) {
        services.authenticator().session(ctx.cookie(COOKIE)).ifPresent(s -> {
            String token = ctx.formParam("csrf");
            if (token != null && token.equals(s.csrfToken())) {
                services.authenticator().logout(ctx.cookie(COOKIE));
            }
        });
        ctx.removeCookie(COOKIE, "/");
        ctx.redirect("/login", HttpStatus.SEE_OTHER);
    }

    /** Only a path of this site: never an open redirect. */
    static String safeNext(String next) {
        if (next == null || !next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")
                || next.contains("\r") || next.contains("\n")) {
            return "/";
        }
        return next;
    }

    /** The layout's frame for a logged-in user. */
    Frame frame(Context ctx, String title, String section, String message) {
        Authenticator.WebSession session = session(ctx);
        return new Frame(title, session.caller().name(), session.caller().role().label(),
                session.caller().tenant().name(), session.csrfToken(), section, session.caller().role().covers(Role.ADMIN),
                message);
    }

    void html(Context ctx, int status, String template, Object model) {
        ctx.status(status).contentType("text/html; charset=utf-8").header("Cache-Control", "no-store")
                .header("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; style-src 'self'; "
                        + "script-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'")
                .result(templates.render(template, model));
    }

    /** An error page with the refusal's status; the frame when logged in. */
    public void error(Context ctx, int status, String message) {
        Authenticator.WebSession session = ctx.attribute(SESSION);
        Frame frame = session == null ? Frame.anonymous("Error " + status) : frame(ctx, "Error " + status, "", null);
        html(ctx, status, "error.jte", new PageModels.ErrorPage(frame, status, message));
    }

    /** The page for a path nothing answers. */
    public void notFound(Context ctx) {
        if (ctx.status().getCode() == 405) {
            error(ctx, 405, "This page does not take " + ctx.method() + " requests.");
            return;
        }
        try {
            Optional<Authenticator.WebSession> session = services.authenticator().session(ctx.cookie(COOKIE));
            session.ifPresent(s -> ctx.attribute(SESSION, s));
        } catch (RuntimeException e) {
            LOG.debug("no session for a 404 page: {}", e.getMessage());
        }
        error(ctx, 404, "There is no page at " + ctx.path() + ".");
    }

    /** A service refusal on a page. */
    static final class WebRefusal extends RuntimeException {
        private final transient Refusal refusal;

        WebRefusal(Refusal refusal) {
            super(refusal.getMessage(), null, false, false);
            this.refusal = refusal;
        }

        Refusal refusal() {
            return refusal;
        }
    }

    /** A page asked for without a session. */
    static final class LoginRequired extends RuntimeException {
        private final String next;

        LoginRequired(String next) {
            super(next, null, false, false);
            this.next = next;
        }

        String next() {
            return next;
        }
    }

    /** Runs a page handler, turning a service refusal into an error page. */
    static io.javalin.http.Handler page(io.javalin.http.Handler handler) {
        return ctx -> {
            try {
                handler.handle(ctx);
            } catch (Refusal e) {
                throw new WebRefusal(e);
            }
        };
    }
}
