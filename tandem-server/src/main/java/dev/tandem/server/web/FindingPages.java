package dev.tandem.server.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tandem.server.auth.Caller;
import dev.tandem.server.portfolio.FindingTriage;
import dev.tandem.server.portfolio.Services;
import dev.tandem.server.store.Findings;
import dev.tandem.server.store.Refusal;
import dev.tandem.server.store.Role;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/** A finding's page: what it is, where it is, the triage form and the history of decisions. */
final class FindingPages {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Pages pages;
    private final Services services;

    FindingPages(Pages pages, Services services) {
        this.pages = pages;
        this.services = services;
    }

    void register(RoutesConfig routes) {
        routes.get("/findings/{id}", Pages.page(this::finding));
        routes.post("/findings/{id}/triage", Pages.page(this::triage));
    }

    private void finding(Context ctx) {
        Caller caller = pages.session(ctx).caller();
        FindingTriage.Detail detail = services.triage().detail(caller, ctx.pathParam("id"), ctx.queryParam("product"));
        String message = ctx.queryParam("saved") != null ? "Decision saved." : null;
        page(ctx, 200, detail, null, message);
    }

    private void triage(Context ctx) {
        Caller caller = pages.session(ctx).caller();
        String id = ctx.pathParam("id");
        String product = ctx.formParam("product");
        String justification = ctx.formParam("justification");
        FindingTriage.Request request = new FindingTriage.Request(ctx.formParam("state"),
                justification == null || justification.isBlank() ? null : justification, ctx.formParams("response"),
                ctx.formParam("comment"));
        boolean htmx = "true".equals(ctx.header("HX-Request"));
        FindingTriage.Detail detail;
        try {
            detail = services.triage().decide(caller, id, product, request);
        } catch (Refusal refusal) {
            if (refusal.kind() != Refusal.Kind.INVALID) {
                throw refusal;
            }
            FindingTriage.Detail current = services.triage().detail(caller, id, product);
            if (htmx) {
                pages.html(ctx, 422, "triageSection.jte", triageView(ctx, current, refusal.getMessage(), null));
            } else {
                page(ctx, 422, current, refusal.getMessage(), null);
            }
            return;
        }
        if (htmx) {
            pages.html(ctx, 200, "triageSection.jte", triageView(ctx, detail, null, "Decision saved."));
        } else {
            ctx.redirect("/findings/" + id + "?product=" + PortfolioPages.encode(detail.product().slug()) + "&saved=1",
                    HttpStatus.SEE_OTHER);
        }
    }

    private void page(Context ctx, int status, FindingTriage.Detail detail, String error, String message) {
        Findings.Stored newest = detail.occurrences().get(0);
        FindingRow row = row(newest, detail);
        List<PageModels.ReleaseMark> releases = detail.occurrences().stream().map(o -> new PageModels.ReleaseMark(
                o.releaseVersion(), read(o.item()).path("suppressed").asBoolean())).toList();
        pages.html(ctx, status, "finding.jte", new PageModels.FindingPage(pages.frame(ctx, row.vulnerabilityId() + " in "
                + row.component(), "portfolio", null), detail.product().slug(), detail.product().name(), row, releases,
                triageView(ctx, detail, error, message)));
    }

    private PageModels.TriageView triageView(Context ctx, FindingTriage.Detail detail, String error, String message) {
        var session = pages.session(ctx);
        return new PageModels.TriageView(detail.findingId(), detail.product().slug(), session.csrfToken(),
                detail.decision().orElse(null), detail.history(), session.caller().role().covers(Role.EDITOR), error,
                message);
    }

    private static FindingRow row(Findings.Stored stored, FindingTriage.Detail detail) {
        ObjectNode item = read(stored.item());
        detail.decision().ifPresent(d -> item.putObject("triage").put("state", d.state()));
        return FindingRow.of(item);
    }

    private static ObjectNode read(String json) {
        try {
            return (ObjectNode) JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
