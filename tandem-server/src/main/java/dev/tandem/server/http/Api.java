package dev.tandem.server.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tandem.server.auth.Caller;
import dev.tandem.server.portfolio.CurrentAdvisories;
import dev.tandem.server.portfolio.Services;
import dev.tandem.server.store.Refusal;
import dev.tandem.usecase.TandemVersion;
import io.javalin.config.JavalinConfig;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpResponseException;
import io.javalin.router.Endpoint;
import io.javalin.router.InternalRouter;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Registers the API: the Bearer filter, every resource's routes, health, the OpenAPI document and the error mapping. */
public final class Api {

    private static final Logger LOG = LoggerFactory.getLogger(Api.class);

    /** Where the OpenAPI document is served. */
    public static final String OPENAPI_PATH = "/api/openapi.json";

    /** The headers every response carries (the server's after-handler sets them; a handler that commits early too). */
    public static final Map<String, String> SECURITY_HEADERS = java.util.Collections.unmodifiableSequencedMap(
            new java.util.LinkedHashMap<>(java.util.Map.ofEntries()) {
                {
                    put("X-Content-Type-Options", "nosniff");
                    put("Referrer-Policy", "no-referrer");
                    put("X-Frame-Options", "DENY");
                }
            });

    private final Services services;
    private final long maxSbomBytes;
    private final long maxSnapshotBytes;
    private final byte[] openApi;

    public Api(Services services, long maxSbomBytes, long maxSnapshotBytes) {
        this.services = services;
        this.maxSbomBytes = maxSbomBytes;
        this.maxSnapshotBytes = maxSnapshotBytes;
        this.openApi = openApiDocument();
    }

    /** The OpenAPI 3.1 document, as packaged. */
    public static byte[] openApiDocument() {
        try (InputStream in = Api.class.getResourceAsStream("openapi.json")) {
            if (in == null) {
                throw new IllegalStateException("openapi.json is missing from the server jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void register(RoutesConfig routes) {
        routes.before("/api/v1/*", this::authenticate);
        routes.get("/health", this::health);
        routes.get(OPENAPI_PATH, ctx -> ctx.contentType("application/json").result(openApi));
        new ProductRoutes(services, maxSbomBytes).register(routes);
        new FindingRoutes(services).register(routes);
        new AdvisoryRoutes(services, maxSnapshotBytes).register(routes);
        new AccountRoutes(services).register(routes);
        new AuditRoutes(services).register(routes);
        new IncidentRoutes(services).register(routes);
        new VexRoutes(services).register(routes);
        routes.exception(Refusal.class, (e, ctx) -> Problems.write(ctx, e.kind().status(), e.getMessage(), e.extensions()));
        routes.exception(Unauthenticated.class, (e, ctx) -> {
            ctx.header("WWW-Authenticate", "Bearer realm=\"tandem\"");
            Problems.write(ctx, 401, e.getMessage());
        });
    }

    /**
     * Lets HEAD on every GET route, the API's and the web UI's pages alike, run the GET's handler: the same
     * status and headers (Content-Type, Content-Length, ETag, Location; 304 on a matching If-None-Match) without
     * the body, which Jetty never sends for HEAD (RFC 9110 9.3.2). Javalin alone answers HEAD on a GET route
     * with 200 text/plain without running it. Called once every route is registered.
     */
    public static void answerHeadAsGet(JavalinConfig config) {
        InternalRouter router = config.unsafe.internalRouter;
        List<Endpoint> endpoints = router.allHttpHandlers().stream().map(parsed -> parsed.endpoint).toList();
        Set<String> heads = endpoints.stream().filter(e -> e.method == HandlerType.HEAD).map(e -> e.path)
                .collect(Collectors.toSet());
        for (Endpoint endpoint : endpoints) {
            if (endpoint.method == HandlerType.GET && !heads.contains(endpoint.path)) {
                config.routes.head(endpoint.path, endpoint.handler);
            }
        }
    }

    /** True when {@code ctx} asks for the headers alone (HEAD): a handler that writes its own body skips it. */
    static boolean headersOnly(Context ctx) {
        return ctx.method() == HandlerType.HEAD;
    }

    /** A refusal by the HTTP layer itself (a body over a limit, a malformed multipart request). */
    public static void refused(Context ctx, HttpResponseException e) {
        Problems.write(ctx, e.getStatus(), e.getMessage() == null || e.getMessage().isBlank() ? "the request was refused"
                : e.getMessage());
    }

    /** A bug: logged with its stack trace, answered without it. */
    public static void internalError(Context ctx, Exception e) {
        LOG.error("internal error on {} {}", ctx.method(), ctx.path(), e);
        Problems.write(ctx, 500, "internal error; the server log has the details");
    }

    /** True for the paths the API answers with problem documents (everything under /api and /health). */
    public static boolean isApiPath(String path) {
        return path.startsWith("/api/") || path.equals("/api") || path.equals("/health");
    }

    private void authenticate(Context ctx) {
        String authorization = ctx.header("Authorization");
        if (authorization == null || authorization.isBlank()) {
            throw new Unauthenticated("this needs an API key: send 'Authorization: Bearer <key>'");
        }
        Optional<Caller> caller = services.authenticator().bearer(authorization);
        if (caller.isEmpty()) {
            throw new Unauthenticated("the API key is not valid (unknown, revoked or malformed)");
        }
        ctx.attribute(Requests.CALLER, caller.get());
    }

    private void health(Context ctx) {
        boolean database = services.database().healthy();
        ObjectNode body = Views.JSON.createObjectNode();
        body.put("status", database ? "ok" : "unavailable");
        body.put("version", TandemVersion.current());
        body.put("database", database ? "ok" : "unreachable");
        CurrentAdvisories.Loaded loaded = services.advisories().peek();
        ObjectNode advisories = body.putObject("advisories");
        if (loaded.sha256() == null) {
            advisories.putNull("sha256");
            advisories.put("advisories", 0);
        } else {
            advisories.put("sha256", loaded.sha256());
            advisories.put("advisories", loaded.snapshot().info().stats().advisories());
            advisories.put("builtAt", loaded.snapshot().info().provenance().builtAt().toString());
        }
        if (database) {
            // Stale advisories do not make the server unhealthy (still 200): they make its findings late.
            body.set("freshness", Views.freshness(services.freshness().check()));
        }
        Requests.json(ctx, database ? 200 : 503, body);
    }

    /** A request without a valid API key. */
    static final class Unauthenticated extends RuntimeException {
        Unauthenticated(String message) {
            super(message, null, false, false);
        }
    }

    /** Answers unknown API paths and methods with a problem document. */
    public static void notFound(Context ctx) {
        Problems.write(ctx, ctx.status().getCode(), ctx.status().getCode() == 405
                ? "the method " + ctx.method() + " is not allowed on " + ctx.path()
                : "no such resource: " + ctx.path(), Map.of());
    }
}
