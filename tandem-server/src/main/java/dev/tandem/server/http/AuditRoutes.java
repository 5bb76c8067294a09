package dev.tandem.server.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tandem.audit.AuditEntry;
import dev.tandem.server.auth.Caller;
import dev.tandem.server.portfolio.Services;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;

/** The organisation's audit log: pages to read, and an export that {@code tandem audit verify --file} checks. */
public final class AuditRoutes {

    private final Services services;

    AuditRoutes(Services services) {
        this.services = services;
    }

    void register(RoutesConfig routes) {
        routes.get("/api/v1/audit", this::page);
        routes.get("/api/v1/audit/export", this::export);
    }

    private void page(Context ctx) {
        Caller caller = Requests.caller(ctx);
        long after = Bodies.intParam(ctx, "after", 0, Integer.MAX_VALUE - 1);
        int limit = Bodies.intParam(ctx, "limit", 100, 1000);
        List<AuditEntry> entries = services.audit().after(caller, after, limit);
        ObjectNode body = Views.JSON.createObjectNode();
        body.put("organisation", caller.tenant().name());
        ArrayNode items = body.putArray("items");
        entries.forEach(e -> items.add(Views.audit(e, false)));
        if (entries.size() == limit) {
            body.put("next", "/api/v1/audit?after=" + entries.get(entries.size() - 1).seq() + "&limit=" + limit);
        } else {
            body.putNull("next");
        }
        Requests.json(ctx, 200, body);
    }

    private void export(Context ctx) {
        Caller caller = Requests.caller(ctx);
        ctx.header("Content-Disposition", "attachment; filename=\"audit-" + caller.tenant().name() + ".json\"");
        Requests.json(ctx, 200, exportDocument(services, caller));
    }

    /** The caller's whole chain as an export (what {@code tandem audit verify --file} reads); admins only. */
    public static ObjectNode exportDocument(Services services, Caller caller) {
        List<AuditEntry> entries = services.audit().all(caller);
        ObjectNode body = Views.JSON.createObjectNode();
        body.put("formatVersion", 1);
        body.put("organisation", caller.tenant().name());
        body.put("exportedAt", services.clock().instant().toString());
        ArrayNode items = body.putArray("entries");
        entries.forEach(e -> items.add(Views.audit(e, true)));
        return body;
    }
}
