package dev.tandem.server.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tandem.server.portfolio.FindingTriage;
import dev.tandem.server.portfolio.Services;
import dev.tandem.server.store.Findings;
import dev.tandem.server.store.TriageDecisions;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Set;

/** One finding (by its stable id) and its triage. */
final class FindingRoutes {

    private final Services services;

    FindingRoutes(Services services) {
        this.services = services;
    }

    void register(RoutesConfig routes) {
        routes.get("/api/v1/findings/{id}", this::show);
        routes.get("/api/v1/findings/{id}/triage", this::show);
        routes.put("/api/v1/findings/{id}/triage", this::triage);
    }

    private void show(Context ctx) {
        FindingTriage.Detail detail = services.triage().detail(Requests.caller(ctx), ctx.pathParam("id"),
                ctx.queryParam("product"));
        Requests.json(ctx, 200, body(detail));
    }

    private void triage(Context ctx) {
        ObjectNode body = Bodies.object(ctx, Set.of("state", "justification", "response", "comment"));
        FindingTriage.Detail detail = services.triage().decide(Requests.caller(ctx), ctx.pathParam("id"),
                ctx.queryParam("product"), new FindingTriage.Request(Bodies.text(body, "state"),
                        Bodies.text(body, "justification"), Bodies.texts(body, "response"), Bodies.text(body, "comment")));
        Requests.json(ctx, 200, body(detail));
    }

    /** The finding in its newest release, every release it is in, its decision and its history. */
    static ObjectNode body(FindingTriage.Detail detail) {
        ObjectNode node = Views.JSON.createObjectNode();
        node.put("id", detail.findingId());
        node.put("product", detail.product().slug());
        Findings.Stored newest = detail.occurrences().get(0);
        ObjectNode finding = Views.finding(newest, detail.decision());
        node.set("vulnerabilityId", finding.get("vulnerabilityId"));
        node.set("finding", finding);
        ArrayNode releases = node.putArray("releases");
        for (Findings.Stored occurrence : detail.occurrences()) {
            ObjectNode release = releases.addObject();
            release.put("version", occurrence.releaseVersion());
            release.set("suppressed", Views.parse(occurrence.item()).get("suppressed"));
        }
        detail.decision().ifPresentOrElse(d -> node.set("triage", Views.triage(d)), () -> node.putNull("triage"));
        ArrayNode history = node.putArray("history");
        for (TriageDecisions.Decision decision : detail.history()) {
            history.add(Views.triage(decision));
        }
        return node;
    }
}
