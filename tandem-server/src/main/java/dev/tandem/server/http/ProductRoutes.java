package dev.tandem.server.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tandem.server.portfolio.DocumentShelf;
import dev.tandem.server.portfolio.Portfolio;
import dev.tandem.server.portfolio.SbomIntake;
import dev.tandem.server.portfolio.Services;
import dev.tandem.server.store.Findings;
import dev.tandem.server.store.Products;
import dev.tandem.server.store.Refusal;
import dev.tandem.server.store.Sboms;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Locale;
import java.util.Set;

/** Products, releases, SBOM uploads, findings lists and product profiles. */
final class ProductRoutes {

    private final Services services;
    private final long maxSbomBytes;
    private final HeldFindingPages heldPages = new HeldFindingPages(HeldFindingPages.GZIP_BYTES);

    ProductRoutes(Services services, long maxSbomBytes) {
        this.services = services;
        this.maxSbomBytes = maxSbomBytes;
    }

    void register(RoutesConfig routes) {
        routes.get("/api/v1/products", this::list);
        routes.post("/api/v1/products", this::create);
        routes.get("/api/v1/products/{id}", this::show);
        routes.get("/api/v1/products/{id}/releases", this::releases);
        routes.get("/api/v1/products/{id}/releases/{version}", this::release);
        routes.post("/api/v1/products/{id}/releases/{version}/sboms", this::upload);
        routes.get("/api/v1/products/{id}/releases/{version}/sboms/{sha256}", this::sbom);
        routes.get("/api/v1/products/{id}/releases/{version}/report", this::report);
        routes.get("/api/v1/products/{id}/findings", this::findings);
        routes.put("/api/v1/products/{id}/profile", this::putProfile);
        routes.get("/api/v1/products/{id}/profile", this::profile);
    }

    private void list(Context ctx) {
        ObjectNode body = Views.JSON.createObjectNode();
        ArrayNode items = body.putArray("items");
        services.portfolio().list(Requests.caller(ctx)).forEach(p -> items.add(Views.product(p)));
        Requests.json(ctx, 200, body);
    }

    private void create(Context ctx) {
        ObjectNode body = Bodies.object(ctx, Set.of("id", "name", "description"));
        Products.Product product = services.portfolio().create(Requests.caller(ctx), Bodies.text(body, "id"),
                Bodies.text(body, "name"), Bodies.text(body, "description"));
        ctx.header("Location", "/api/v1/products/" + product.slug());
        Requests.json(ctx, 201, Views.product(services.portfolio().product(Requests.caller(ctx), product.slug())));
    }

    private void show(Context ctx) {
        Requests.json(ctx, 200, Views.product(services.portfolio().product(Requests.caller(ctx), ctx.pathParam("id"))));
    }

    private void releases(Context ctx) {
        Portfolio.ProductView view = services.portfolio().product(Requests.caller(ctx), ctx.pathParam("id"));
        ObjectNode body = Views.JSON.createObjectNode();
        ArrayNode items = body.putArray("items");
        view.releases().forEach(r -> items.add(Views.release(view.product().slug(), r)));
        Requests.json(ctx, 200, body);
    }

    private Portfolio.ReleaseView releaseView(Context ctx) {
        Portfolio.ProductView view = services.portfolio().product(Requests.caller(ctx), ctx.pathParam("id"));
        String version = ctx.pathParam("version");
        return view.releases().stream().filter(r -> r.release().version().equals(version)).findFirst()
                .orElseThrow(() -> Refusal.notFound("release '" + version + "' of product '" + ctx.pathParam("id") + "'"));
    }

    private void release(Context ctx) {
        Requests.json(ctx, 200, Views.release(ctx.pathParam("id"), releaseView(ctx)));
    }

    private void upload(Context ctx) {
        byte[] content = Bodies.bytes(ctx, maxSbomBytes);
        String name = ctx.queryParam("name");
        if (name == null) {
            name = fileName(ctx.header("Content-Disposition"));
        }
        SbomIntake.Upload upload = services.intake().upload(Requests.caller(ctx), ctx.pathParam("id"),
                ctx.pathParam("version"), content, name, ctx.contentType());
        ObjectNode body = Views.JSON.createObjectNode();
        body.put("product", upload.product().slug());
        body.put("release", upload.release().version());
        body.put("created", upload.created());
        body.set("sbom", Views.sbom(upload.sbom()));
        body.set("summary", Views.summary(upload.summary()));
        String findings = "/api/v1/products/" + upload.product().slug() + "/findings?release="
                + Views.urlEncode(upload.release().version());
        body.put("findings", findings);
        ctx.header("Location", "/api/v1/products/" + upload.product().slug() + "/releases/"
                + Views.urlEncode(upload.release().version()) + "/sboms/" + upload.sbom().sha256());
        Requests.json(ctx, upload.created() ? 201 : 200, body);
    }

    private void sbom(Context ctx) {
        Portfolio.SbomDocument document = services.portfolio().sbom(Requests.caller(ctx), ctx.pathParam("id"),
                ctx.pathParam("version"), ctx.pathParam("sha256"));
        Sboms.StoredSbom sbom = document.sbom();
        byte[] content = document.content();
        ctx.status(200).contentType(sbom.mediaType().isBlank() ? "application/octet-stream" : sbom.mediaType())
                .header("Content-Disposition", "attachment; filename=\"" + sbom.source().replaceAll("[\"\\\\\\r\\n]", "_") + "\"")
                .result(content);
    }

    /** The release's scan in a format of tandem scan (json, sarif, cyclonedx, table), by the CLI's renderers. */
    private void report(Context ctx) throws java.io.IOException {
        dev.tandem.server.portfolio.ReleaseReports.Report report = services.reports().report(Requests.caller(ctx),
                ctx.pathParam("id"), ctx.pathParam("version"), ctx.queryParam("format"));
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        report.renderer().write(report.result(), out);
        String type = report.renderer().mediaType();
        ctx.status(200).contentType(type.startsWith("text/") ? type + "; charset=utf-8" : type)
                .header("Content-Disposition", "inline; filename=\"" + report.fileName() + "\"").result(out.toByteArray());
    }

    private void findings(Context ctx) {
        String severity = ctx.queryParam("severity");
        if (severity != null) {
            severity = severity.strip().toLowerCase(Locale.ROOT);
            if (!Set.of("critical", "high", "medium", "low", "none", "unknown").contains(severity)) {
                throw Refusal.invalid("'severity' is one of critical, high, medium, low, none, unknown");
            }
        }
        Boolean suppressed = Bodies.boolParam(ctx, "suppressed");
        Findings.Filter filter = new Findings.Filter(suppressed == null || suppressed, severity,
                Bodies.boolParam(ctx, "knownExploited"), Bodies.intParam(ctx, "offset", 0, Integer.MAX_VALUE - 1),
                Bodies.intParam(ctx, "limit", 100, 1000));
        Portfolio.FindingPage page = services.portfolio().findings(Requests.caller(ctx), ctx.pathParam("id"),
                ctx.queryParam("release"), filter);
        if (page.json() != null) {
            heldPages.write(ctx, page, filter);
        } else {
            ctx.status(200).contentType("application/json").result(Views.findingPage(page));
        }
    }

    private void putProfile(Context ctx) {
        byte[] content = Bodies.bytes(ctx, Bodies.MAX_JSON * 4L);
        String slug = ctx.pathParam("id");
        services.documents().put(Requests.caller(ctx), DocumentShelf.PRODUCT_PROFILE, slug, slug, content,
                ctx.contentType());
        ctx.status(204);
    }

    private void profile(Context ctx) {
        String slug = ctx.pathParam("id");
        services.portfolio().product(Requests.caller(ctx), slug);
        var document = services.documents().list(Requests.caller(ctx), DocumentShelf.PRODUCT_PROFILE).stream()
                .filter(d -> d.name().equals(slug)).findFirst()
                .orElseThrow(() -> Refusal.notFound("a product profile of '" + slug + "'"));
        ctx.status(200).contentType(document.mediaType().isBlank() ? "application/octet-stream" : document.mediaType())
                .result(services.documents().content(Requests.caller(ctx), DocumentShelf.PRODUCT_PROFILE, slug));
    }

    /** The file name of a {@code Content-Disposition} header, when it gives one. */
    static String fileName(String disposition) {
        if (disposition == null) {
            return null;
        }
        var matcher = java.util.regex.Pattern.compile("filename=\"?([^\";]+)\"?").matcher(disposition);
        return matcher.find() ? matcher.group(1).strip() : null;
    }
}
