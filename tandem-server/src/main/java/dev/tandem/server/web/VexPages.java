package dev.tandem.server.web;

import dev.tandem.server.auth.Caller;
import dev.tandem.server.portfolio.ProductVex;
import dev.tandem.server.portfolio.ReleasePublications;
import dev.tandem.server.portfolio.Services;
import dev.tandem.server.store.Refusal;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * A product's VEX documents on its page (upload, download as uploaded, remove), and a release's
 * advisories, VEX and user notice to download: the same services as the API, with the session.
 */
final class VexPages {

    private final Pages pages;
    private final Services services;

    VexPages(Pages pages, Services services) {
        this.pages = pages;
        this.services = services;
    }

    void register(RoutesConfig routes) {
        routes.post("/products/{id}/vex", Pages.page(this::upload));
        routes.get("/products/{id}/vex/{sha256}", Pages.page(this::download));
        routes.post("/products/{id}/vex/{sha256}/delete", Pages.page(this::delete));
        routes.get("/products/{id}/releases/{version}/advisory", Pages.page(ctx -> send(ctx, services.publications()
                .advisory(caller(ctx), ctx.pathParam("id"), ctx.pathParam("version"), ctx.queryParam("profile"),
                        ReleasePublications.Options.DEFAULT))));
        routes.get("/products/{id}/releases/{version}/vex", Pages.page(ctx -> send(ctx, services.publications()
                .vex(caller(ctx), ctx.pathParam("id"), ctx.pathParam("version"), ctx.queryParam("format")))));
        routes.get("/products/{id}/releases/{version}/user-notice", Pages.page(ctx -> send(ctx, services.publications()
                .userNotice(caller(ctx), ctx.pathParam("id"), ctx.pathParam("version"), ctx.queryParam("format"),
                        ReleasePublications.Options.DEFAULT))));
    }

    private Caller caller(Context ctx) {
        return pages.session(ctx).caller();
    }

    private void upload(Context ctx) {
        String slug = ctx.pathParam("id");
        UploadedFile file = ctx.uploadedFile("vex");
        if (file == null || file.size() == 0) {
            throw new Refusal(Refusal.Kind.INVALID, "choose a VEX document to upload");
        }
        byte[] content;
        try (InputStream in = file.content()) {
            content = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ProductVex.Upload upload = services.vex().upload(caller(ctx), slug, content, file.filename(), file.contentType());
        ctx.redirect("/products/" + slug + "?vex=" + (upload.created() ? "1" : "0") + "#vex-heading", HttpStatus.SEE_OTHER);
    }

    private void download(Context ctx) {
        ProductVex.Content content = services.vex().content(caller(ctx), ctx.pathParam("id"), ctx.pathParam("sha256"));
        ctx.status(200).contentType(content.document().mediaType())
                .header("Content-Disposition", "attachment; filename=\"" + Downloads.fileName(content.document().name()) + "\"")
                .result(content.bytes());
    }

    private void delete(Context ctx) {
        String slug = ctx.pathParam("id");
        services.vex().delete(caller(ctx), slug, ctx.pathParam("sha256"));
        ctx.redirect("/products/" + slug + "?vex=removed#vex-heading", HttpStatus.SEE_OTHER);
    }

    /** A published document, downloaded under its file name (the HTML notice shown in the browser). */
    private static void send(Context ctx, ReleasePublications.Published published) {
        String type = published.mediaType();
        boolean page = type.startsWith("text/html");
        ctx.status(200).contentType(type.startsWith("text/") ? type + "; charset=utf-8" : type)
                .header("Content-Disposition", (page ? "inline" : "attachment") + "; filename=\""
                        + Downloads.fileName(published.fileName()) + "\"")
                .result(published.bytes());
    }
}
