package dev.tandem.server.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tandem.server.auth.Caller;
import dev.tandem.server.portfolio.DocumentShelf;
import dev.tandem.server.portfolio.Portfolio;
import dev.tandem.server.portfolio.SbomIntake;
import dev.tandem.server.portfolio.Services;
import dev.tandem.server.store.Findings;
import dev.tandem.server.store.Products;
import dev.tandem.server.store.Refusal;
import dev.tandem.server.store.Role;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The portfolio overview, product and release pages, creating products and uploading SBOMs. */
final class PortfolioPages {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> SEVERITIES = Set.of("critical", "high", "medium", "low", "none", "unknown");

    private final Pages pages;
    private final Services services;

    PortfolioPages(Pages pages, Services services) {
        this.pages = pages;
        this.services = services;
    }

    void register(RoutesConfig routes) {
        routes.get("/", Pages.page(this::overview));
        routes.post("/products", Pages.page(this::create));
        routes.get("/products/{id}", Pages.page(this::product));
        routes.post("/products/{id}/sboms", Pages.page(this::upload));
        routes.get("/products/{id}/releases/{version}", Pages.page(this::release));
        routes.get("/products/{id}/releases/{version}/findings", Pages.page(this::findingsTable));
        routes.get("/products/{id}/releases/{version}/report", Pages.page(this::report));
        routes.get("/products/{id}/releases/{version}/sboms/{sha256}", Pages.page(this::sbom));
        new VexPages(pages, services).register(routes);
        routes.get("/products/{id}/profile", Pages.page(ctx -> {
            Caller caller = caller(ctx);
            String slug = services.portfolio().product(caller, ctx.pathParam("id")).product().slug();
            Downloads.document(ctx, services, caller, DocumentShelf.PRODUCT_PROFILE, slug,
                    "a product profile of '" + slug + "'");
        }));
    }

    private Caller caller(Context ctx) {
        return pages.session(ctx).caller();
    }

    private void overview(Context ctx) {
        Caller caller = caller(ctx);
        List<Portfolio.ProductView> products = new ArrayList<>(services.portfolio().list(caller));
        // Known-exploited first, then by the most severe open findings.
        products.sort(Comparator.comparingLong((Portfolio.ProductView p) -> -p.openKnownExploited())
                .thenComparingLong(p -> -p.openBySeverity().get("critical"))
                .thenComparingLong(p -> -p.openBySeverity().get("high"))
                .thenComparing(p -> p.product().name().toLowerCase(Locale.ROOT)));
        List<PageModels.Exploited> exploited = new ArrayList<>();
        for (Portfolio.ProductView product : products) {
            if (product.openKnownExploited() == 0 || product.latest().isEmpty()) {
                continue;
            }
            Portfolio.FindingPage page = services.portfolio().findings(caller, product.product().slug(),
                    product.latest().get().release().version(), new Findings.Filter(false, null, true, 0, 50));
            for (Findings.Stored stored : page.items()) {
                exploited.add(new PageModels.Exploited(product.product().slug(), product.product().name(),
                        stored.releaseVersion(), row(stored, page)));
            }
        }
        var loaded = services.advisories().peek();
        String advisories = loaded.sha256() == null ? "No advisory snapshot is loaded yet: findings need one."
                : loaded.snapshot().info().stats().advisories() + " advisories and "
                        + loaded.snapshot().info().stats().kevEntries() + " KEV entries, snapshot built "
                        + loaded.snapshot().info().provenance().builtAt();
        pages.html(ctx, 200, "overview.jte", new PageModels.OverviewPage(pages.frame(ctx, "Portfolio", "portfolio",
                ctx.queryParam("created") == null ? null : "Product created."), products, exploited,
                caller.role().covers(Role.EDITOR), advisories, pages.staleWarnings()));
    }

    private void create(Context ctx) {
        Products.Product product = services.portfolio().create(caller(ctx), ctx.formParam("id"), ctx.formParam("name"),
                ctx.formParam("description"));
        ctx.redirect("/products/" + product.slug() + "?created=1", HttpStatus.SEE_OTHER);
    }

    private void product(Context ctx) {
        Caller caller = caller(ctx);
        Portfolio.ProductView view = services.portfolio().product(caller, ctx.pathParam("id"));
        boolean profile = services.documents().list(caller, DocumentShelf.PRODUCT_PROFILE).stream()
                .anyMatch(d -> d.name().equals(view.product().slug()));
        String vex = ctx.queryParam("vex");
        String message = ctx.queryParam("created") != null ? "Product created: upload an SBOM of its first release."
                : "1".equals(vex) ? "VEX document uploaded; every release was re-scanned with its statements."
                : "0".equals(vex) ? "This product had that VEX document already; nothing changed."
                : "removed".equals(vex) ? "VEX document removed; every release was re-scanned without it." : null;
        pages.html(ctx, 200, "product.jte", new PageModels.ProductPage(pages.frame(ctx, view.product().name(), "portfolio",
                message), view, caller.role().covers(Role.EDITOR), profile, services.vex().list(caller,
                view.product().slug())));
    }

    private void upload(Context ctx) {
        Caller caller = caller(ctx);
        String slug = ctx.pathParam("id");
        String version = ctx.formParam("version");
        UploadedFile file = ctx.uploadedFile("sbom");
        if (file == null || file.size() == 0) {
            throw new Refusal(Refusal.Kind.INVALID, "choose an SBOM file to upload");
        }
        byte[] content;
        try (InputStream in = file.content()) {
            content = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        SbomIntake.Upload upload = services.intake().upload(caller, slug, version == null ? "" : version.strip(), content,
                file.filename(), file.contentType());
        ctx.redirect("/products/" + slug + "/releases/" + encode(upload.release().version()) + "?uploaded="
                + (upload.created() ? "1" : "0"), HttpStatus.SEE_OTHER);
    }

    private void release(Context ctx) {
        Caller caller = caller(ctx);
        Portfolio.ProductView view = services.portfolio().product(caller, ctx.pathParam("id"));
        String version = ctx.pathParam("version");
        Portfolio.ReleaseView release = view.releases().stream().filter(r -> r.release().version().equals(version))
                .findFirst().orElseThrow(() -> Refusal.notFound("release '" + version + "'"));
        String uploaded = ctx.queryParam("uploaded");
        String message = uploaded == null ? null : uploaded.equals("1") ? "SBOM uploaded and scanned."
                : "This release had that SBOM already; nothing changed.";
        pages.html(ctx, 200, "release.jte", new PageModels.ReleasePage(pages.frame(ctx, view.product().name() + " "
                + version, "portfolio", message), view, release, table(ctx, caller, view.product().slug(), version)));
    }

    /** The release's scan as a tandem scan document (JSON report, SARIF, CycloneDX VDR), to download. */
    private void report(Context ctx) throws IOException {
        var report = services.reports().report(caller(ctx), ctx.pathParam("id"), ctx.pathParam("version"),
                ctx.queryParam("format"));
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        report.renderer().write(report.result(), out);
        String type = report.renderer().mediaType();
        ctx.status(200).contentType(type.startsWith("text/") ? type + "; charset=utf-8" : type)
                .header("Content-Disposition", "attachment; filename=\"" + report.fileName() + "\"").result(out.toByteArray());
    }

    /** An SBOM exactly as uploaded, for the session's organisation (the API's download needs a key). */
    private void sbom(Context ctx) {
        var document = services.portfolio().sbom(caller(ctx), ctx.pathParam("id"), ctx.pathParam("version"),
                ctx.pathParam("sha256"));
        String type = document.sbom().mediaType();
        ctx.status(200).contentType(type.isBlank() ? "application/octet-stream" : type)
                .header("Content-Disposition", "attachment; filename=\""
                        + document.sbom().source().replaceAll("[\"\\\\\r\n]", "_") + "\"")
                .result(document.content());
    }

    /** The findings table alone: what htmx swaps in when a filter changes (also a page of its own). */
    private void findingsTable(Context ctx) {
        Caller caller = caller(ctx);
        PageModels.FindingsTable table = table(ctx, caller, ctx.pathParam("id"), ctx.pathParam("version"));
        if ("true".equals(ctx.header("HX-Request"))) {
            pages.html(ctx, 200, "findingsTable.jte", table);
        } else {
            ctx.redirect("/products/" + table.productId() + "/releases/" + encode(table.version())
                    + table.query(table.offset()), HttpStatus.SEE_OTHER);
        }
    }

    private PageModels.FindingsTable table(Context ctx, Caller caller, String slug, String version) {
        String severity = ctx.queryParam("severity") == null ? "" : ctx.queryParam("severity").strip().toLowerCase(Locale.ROOT);
        if (!severity.isEmpty() && !SEVERITIES.contains(severity)) {
            severity = "";
        }
        boolean hideSuppressed = "true".equals(ctx.queryParam("hideSuppressed"));
        boolean kevOnly = "true".equals(ctx.queryParam("kevOnly"));
        int offset = 0;
        try {
            offset = Math.max(0, Integer.parseInt(ctx.queryParam("offset") == null ? "0" : ctx.queryParam("offset")));
        } catch (NumberFormatException e) {
            offset = 0;
        }
        int limit = 50;
        Portfolio.FindingPage page = services.portfolio().findings(caller, slug, version, new Findings.Filter(
                !hideSuppressed, severity.isEmpty() ? null : severity, kevOnly ? Boolean.TRUE : null, offset, limit));
        List<FindingRow> rows = page.items().stream().map(s -> row(s, page)).toList();
        return new PageModels.FindingsTable(slug, version, rows, page.total(), offset, limit, severity, hideSuppressed,
                kevOnly);
    }

    private static FindingRow row(Findings.Stored stored, Portfolio.FindingPage page) {
        try {
            var item = (com.fasterxml.jackson.databind.node.ObjectNode) JSON.readTree(stored.item());
            var decision = page.decisions().get(stored.findingId());
            if (decision != null) {
                item.putObject("triage").put("state", decision.state());
            }
            return FindingRow.of(item);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
