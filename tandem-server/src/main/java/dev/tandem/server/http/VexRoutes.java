package dev.tandem.server.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tandem.server.portfolio.ProductVex;
import dev.tandem.server.portfolio.ReleasePublications;
import dev.tandem.server.portfolio.Services;
import dev.tandem.server.store.VexDocuments;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

/**
 * VEX documents kept per product (upload, list, download, delete), and a release's advisories and VEX
 * published from what the server keeps (CSAF, CycloneDX VEX, OpenVEX, the CRA Art. 14(8) user notice).
 */
final class VexRoutes {

    /** The largest VEX document: the VEX readers' own limit. */
    static final long MAX_VEX_BYTES = 16L << 20;

    private final Services services;

    VexRoutes(Services services) {
        this.services = services;
    }

    void register(RoutesConfig routes) {
        routes.post("/api/v1/products/{id}/vex", this::upload);
        routes.get("/api/v1/products/{id}/vex", this::list);
        routes.get("/api/v1/products/{id}/vex/{sha256}", this::document);
        routes.delete("/api/v1/products/{id}/vex/{sha256}", this::delete);
        routes.get("/api/v1/products/{id}/releases/{version}/advisory", ctx -> send(ctx, services.publications()
                .advisory(Requests.caller(ctx), ctx.pathParam("id"), ctx.pathParam("version"), ctx.queryParam("profile"),
                        options(ctx))));
        routes.get("/api/v1/products/{id}/releases/{version}/vex", ctx -> send(ctx, services.publications()
                .vex(Requests.caller(ctx), ctx.pathParam("id"), ctx.pathParam("version"), ctx.queryParam("format"))));
        routes.get("/api/v1/products/{id}/releases/{version}/user-notice", ctx -> send(ctx, services.publications()
                .userNotice(Requests.caller(ctx), ctx.pathParam("id"), ctx.pathParam("version"), ctx.queryParam("format"),
                        options(ctx))));
    }

    private void upload(Context ctx) {
        byte[] content = Bodies.bytes(ctx, MAX_VEX_BYTES);
        String name = ctx.queryParam("name");
        if (name == null) {
            name = ProductRoutes.fileName(ctx.header("Content-Disposition"));
        }
        ProductVex.Upload upload = services.vex().upload(Requests.caller(ctx), ctx.pathParam("id"), content, name,
                ctx.contentType());
        ObjectNode body = view(upload.product().slug(), upload.view());
        body.put("created", upload.created());
        body.put("releasesRescanned", upload.releasesRescanned());
        ctx.header("Location", link(upload.product().slug(), upload.view().document()));
        Requests.json(ctx, upload.created() ? 201 : 200, body);
    }

    private void list(Context ctx) {
        String slug = ctx.pathParam("id");
        ObjectNode body = Views.JSON.createObjectNode();
        body.put("product", slug);
        ArrayNode items = body.putArray("items");
        services.vex().list(Requests.caller(ctx), slug).forEach(v -> items.add(view(slug, v)));
        Requests.json(ctx, 200, body);
    }

    private void document(Context ctx) {
        ProductVex.Content content = services.vex().content(Requests.caller(ctx), ctx.pathParam("id"),
                ctx.pathParam("sha256"));
        ctx.status(200).contentType(content.document().mediaType())
                .header("Content-Disposition", "attachment; filename=\""
                        + content.document().name().replaceAll("[\"\\\\\r\n]", "_") + "\"")
                .result(content.bytes());
    }

    private void delete(Context ctx) {
        services.vex().delete(Requests.caller(ctx), ctx.pathParam("id"), ctx.pathParam("sha256"));
        ctx.status(204);
    }

    private static ReleasePublications.Options options(Context ctx) {
        return new ReleasePublications.Options(ctx.queryParam("status"), ctx.queryParam("tlp"));
    }

    /** A published document: its own media type, a file name, and the use case's warnings as headers. */
    static void send(Context ctx, ReleasePublications.Published published) {
        String type = published.mediaType();
        ctx.status(200).contentType(type.startsWith("text/") ? type + "; charset=utf-8" : type)
                .header("Content-Disposition", "inline; filename=\"" + published.fileName().replaceAll("[\"\\\\\r\n]", "_")
                        + "\"");
        // RFC 7234's Warning header is obsolete (RFC 9111); the warnings go in a header of our own, one per line.
        published.warnings().stream().limit(20).forEach(w -> ctx.res().addHeader("Tandem-Warning",
                w.replaceAll("[\\r\\n]", " ").replaceAll("[^\\x20-\\x7e]", "?")));
        ctx.result(published.bytes());
    }

    static ObjectNode view(String slug, ProductVex.DocumentView view) {
        VexDocuments.StoredVex document = view.document();
        ObjectNode node = Views.JSON.createObjectNode();
        node.put("sha256", document.sha256());
        node.put("name", document.name());
        node.put("format", document.format());
        node.put("mediaType", document.mediaType());
        node.put("size", document.size());
        node.put("statements", document.statements());
        node.put("uploadedAt", document.uploadedAt().toString());
        node.put("uploadedBy", document.uploadedBy());
        node.put("source", document.label());
        node.put("download", link(slug, document));
        ObjectNode matched = node.putObject("matched");
        matched.put("findings", view.releases().stream().mapToInt(ProductVex.ReleaseMatch::findings).sum());
        matched.put("suppressed", view.releases().stream().mapToInt(ProductVex.ReleaseMatch::suppressed).sum());
        ArrayNode releases = matched.putArray("releases");
        for (ProductVex.ReleaseMatch release : view.releases()) {
            releases.addObject().put("release", release.release()).put("findings", release.findings())
                    .put("suppressed", release.suppressed());
        }
        ArrayNode unmatched = node.putArray("unmatched");
        for (ProductVex.Unmatched statement : view.unmatched()) {
            unmatched.addObject().put("vulnerability", statement.vulnerability()).put("component", statement.component())
                    .put("state", statement.state()).put("source", statement.source());
        }
        ArrayNode warnings = node.putArray("warnings");
        view.warnings().forEach(warnings::add);
        return node;
    }

    private static String link(String slug, VexDocuments.StoredVex document) {
        return "/api/v1/products/" + slug + "/vex/" + document.sha256();
    }
}
