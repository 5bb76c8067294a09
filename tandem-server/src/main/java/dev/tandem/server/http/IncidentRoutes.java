package dev.tandem.server.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tandem.server.portfolio.DocumentShelf;
import dev.tandem.server.portfolio.Services;
import dev.tandem.server.store.Documents;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

/** Incident records (the format of {@code tandem obligations}) kept as uploaded. */
final class IncidentRoutes {

    private final Services services;

    IncidentRoutes(Services services) {
        this.services = services;
    }

    void register(RoutesConfig routes) {
        routes.get("/api/v1/incidents", this::list);
        routes.put("/api/v1/incidents/{name}", this::put);
        routes.get("/api/v1/incidents/{name}", this::show);
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
        services.documents().put(Requests.caller(ctx), DocumentShelf.INCIDENT, ctx.pathParam("name"), null, content,
                ctx.contentType());
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
