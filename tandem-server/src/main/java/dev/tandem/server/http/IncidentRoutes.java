package dev.tandem.server.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tandem.server.incident.IncidentBook;
import dev.tandem.server.portfolio.DocumentShelf;
import dev.tandem.server.portfolio.Services;
import dev.tandem.server.store.Documents;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

/**
 * Incident records (the format of {@code tandem obligations}) kept as uploaded; submissions recorded
 * into them, their report drafts and exercise timeline computed live.
 */
final class IncidentRoutes {

    private final Services services;
    private final IncidentBook book;

    IncidentRoutes(Services services) {
        this.services = services;
        this.book = new IncidentBook(services.database(), services.documents(), services.clock(),
                dev.tandem.usecase.KnowledgeBase.bundled());
    }

    void register(RoutesConfig routes) {
        routes.get("/api/v1/incidents", this::list);
        routes.put("/api/v1/incidents/{name}", this::put);
        routes.get("/api/v1/incidents/{name}", this::show);
        routes.post("/api/v1/incidents/{name}/submissions", this::submit);
        routes.get("/api/v1/incidents/{name}/draft", this::draft);
        routes.get("/api/v1/incidents/{name}/timeline", this::timeline);
    }

    /** Records a submission into the record; answers the obligations as they now are (the obligations command's JSON). */
    private void submit(Context ctx) {
        ObjectNode body = Bodies.object(ctx, java.util.Set.of("framework", "stage", "at", "recipient", "draftSha256",
                "reference"));
        String at = Bodies.text(body, "at");
        IncidentBook.IncidentView view = book.submit(Requests.caller(ctx), ctx.pathParam("name"),
                Bodies.text(body, "framework"), Bodies.text(body, "stage"), at == null ? null : MonitorRoutes.instant(at, "at"),
                Bodies.text(body, "recipient"), Bodies.text(body, "draftSha256"), Bodies.text(body, "reference"));
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try {
            dev.tandem.render.reporting.ReportingFormats.OBLIGATIONS.find("json").orElseThrow().write(view.obligations(), out);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        ctx.status(201).contentType("application/json").result(out.toByteArray());
    }

    private void draft(Context ctx) {
        String format = ctx.queryParam("format") == null ? "md" : ctx.queryParam("format");
        if (ctx.queryParam("framework") == null || ctx.queryParam("stage") == null) {
            throw dev.tandem.server.store.Refusal.invalid("framework and stage are required query parameters");
        }
        IncidentBook.Draft draft = book.draft(Requests.caller(ctx), ctx.pathParam("name"), ctx.queryParam("framework"),
                ctx.queryParam("stage"), format);
        ctx.header("X-Content-SHA256", draft.sha256());
        ctx.status(200).contentType(draft.mediaType() + (draft.mediaType().startsWith("text/") ? "; charset=utf-8" : ""))
                .result(draft.content());
    }

    private void timeline(Context ctx) {
        String format = ctx.queryParam("format") == null ? "json" : ctx.queryParam("format");
        IncidentBook.Draft document = book.timeline(Requests.caller(ctx), ctx.pathParam("name"), format);
        ctx.status(200).contentType(document.mediaType() + (document.mediaType().startsWith("text/") ? "; charset=utf-8" : ""))
                .result(document.content());
    }

    private void list(Context ctx) {
        ObjectNode body = Views.JSON.createObjectNode();
        ArrayNode items = body.putArray("items");
        for (Documents.StoredDocument document : services.documents().list(Requests.caller(ctx), DocumentShelf.INCIDENT)) {
            ObjectNode item = items.addObject();
            item.put("name", document.name());
            item.put("mediaType", document.mediaType());
            item.put("sha256", document.sha256());
            item.put("updatedAt", document.createdAt().toString());
            item.put("updatedBy", document.createdBy());
        }
        Requests.json(ctx, 200, body);
    }

    private void put(Context ctx) {
        byte[] content = Bodies.bytes(ctx, Bodies.MAX_JSON * 4L);
        // Checked by the engine before it is kept, as the form and a submission are: 400 with the reader's message.
        book.put(Requests.caller(ctx), ctx.pathParam("name"), content, ctx.contentType());
        ctx.status(204);
    }

    private void show(Context ctx) {
        String name = ctx.pathParam("name");
        Documents.StoredDocument document = services.documents().list(Requests.caller(ctx), DocumentShelf.INCIDENT)
                .stream().filter(d -> d.name().equals(name)).findFirst()
                .orElseThrow(() -> dev.tandem.server.store.Refusal.notFound("incident '" + name + "'"));
        ctx.status(200).contentType(document.mediaType().isBlank() ? "application/octet-stream" : document.mediaType())
                .result(services.documents().content(Requests.caller(ctx), DocumentShelf.INCIDENT, name));
    }
}
