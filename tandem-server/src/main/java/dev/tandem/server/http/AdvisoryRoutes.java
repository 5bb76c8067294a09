package dev.tandem.server.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tandem.server.portfolio.Services;
import dev.tandem.server.portfolio.SnapshotSwap;
import dev.tandem.server.store.Refusal;
import dev.tandem.server.store.Snapshots;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

/** The advisory snapshot: which one is current, and replacing it while the server runs. */
final class AdvisoryRoutes {

    private final Services services;
    private final long maxSnapshotBytes;

    AdvisoryRoutes(Services services, long maxSnapshotBytes) {
        this.services = services;
        this.maxSnapshotBytes = maxSnapshotBytes;
    }

    void register(RoutesConfig routes) {
        routes.get("/api/v1/advisories/snapshot", this::show);
        routes.put("/api/v1/advisories/snapshot", this::replace);
    }

    private void show(Context ctx) {
        Requests.caller(ctx);
        Snapshots.StoredSnapshot current = services.snapshots().current()
                .orElseThrow(() -> Refusal.notFound("an advisory snapshot (none was loaded yet)"));
        ObjectNode body = Views.JSON.createObjectNode();
        body.put("sha256", current.sha256());
        body.put("size", current.size());
        body.put("storedAt", current.storedAt().toString());
        body.put("storedBy", current.storedBy());
        body.put("currentSince", current.swappedAt().toString());
        body.set("info", Views.parse(current.info()));
        Requests.json(ctx, 200, body);
    }

    private void replace(Context ctx) {
        byte[] bytes = Bodies.bytes(ctx, maxSnapshotBytes);
        String name = ctx.queryParam("name");
        SnapshotSwap.Swap swap = services.snapshots().replace(Requests.caller(ctx), bytes,
                name == null ? ProductRoutes.fileName(ctx.header("Content-Disposition")) : name);
        ObjectNode body = Views.JSON.createObjectNode();
        body.put("sha256", swap.sha256());
        body.put("changed", swap.changed());
        body.put("releasesRescanned", swap.releasesRescanned());
        body.put("advisories", swap.info().stats().advisories());
        body.put("vulnerabilities", swap.info().stats().vulnerabilities());
        body.put("kevEntries", swap.info().stats().kevEntries());
        body.put("builtAt", swap.info().provenance().builtAt().toString());
        Requests.json(ctx, 200, body);
    }
}
