package dev.tandem.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tandem.input.InputDocument;
import dev.tandem.input.InputException;
import dev.tandem.reporting.obligation.Obligation;
import dev.tandem.render.reporting.ReportingFormats;
import dev.tandem.server.auth.Accounts;
import dev.tandem.server.auth.Caller;
import dev.tandem.server.feeds.Watch;
import dev.tandem.server.monitor.CaseBook;
import dev.tandem.server.portfolio.DocumentShelf;
import dev.tandem.server.portfolio.Services;
import dev.tandem.server.store.Cases;
import dev.tandem.server.store.FeedRefreshes;
import dev.tandem.server.store.FindingChanges;
import dev.tandem.server.store.MonitorSettings;
import dev.tandem.server.store.Outbox;
import dev.tandem.server.store.Refusal;
import dev.tandem.server.store.Role;
import dev.tandem.usecase.KnowledgeBase;
import dev.tandem.usecase.reporting.IncidentInput;
import dev.tandem.usecase.reporting.ObligationsRequest;
import dev.tandem.usecase.reporting.ObligationsResult;
import dev.tandem.usecase.reporting.ObligationsUseCase;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;

/** Monitoring: feeds and their refreshes, finding changes, vulnerability cases and clocks, settings, events, deliveries. */
public final class MonitorRoutes {

    private final Services services;
    private final Watch watch;

    public MonitorRoutes(Services services, Watch watch) {
        this.services = services;
        this.watch = watch;
    }

    public void register(RoutesConfig routes) {
        routes.get("/api/v1/feeds", this::feeds);
        routes.post("/api/v1/feeds/refresh", this::refresh);
        routes.get("/api/v1/changes", this::changes);
        routes.get("/api/v1/cases", this::cases);
        routes.post("/api/v1/cases", this::open);
        routes.get("/api/v1/cases/{id}", this::show);
        routes.put("/api/v1/cases/{id}/awareness", this::awareness);
        routes.put("/api/v1/cases/{id}/corrective-measure", this::corrective);
        routes.put("/api/v1/cases/{id}/status", this::status);
        routes.post("/api/v1/cases/{id}/submissions", this::submit);
        routes.get("/api/v1/cases/{id}/draft", this::draft);
        routes.get("/api/v1/monitoring/settings", this::settings);
        routes.put("/api/v1/monitoring/settings", this::putSettings);
        routes.post("/api/v1/monitoring/test", this::test);
        routes.get("/api/v1/events", this::events);
        routes.get("/api/v1/deliveries", this::deliveries);
        routes.get("/api/v1/deliveries/{id}/attempts", this::attempts);
        routes.put("/api/v1/products/{id}/eu-market", this::euMarket);
        routes.get("/api/v1/incidents/{name}/obligations", this::incidentObligations);
    }

    private void feeds(Context ctx) {
        Requests.caller(ctx);
        ObjectNode body = Views.JSON.createObjectNode();
        body.put("configured", watch.scheduling().refreshConfigured());
        ArrayNode items = body.putArray("refreshes");
        for (FeedRefreshes.Refresh r : watch.refreshes(Bodies.intParam(ctx, "limit", 20, 200))) {
            ObjectNode item = items.addObject();
            item.put("id", r.id());
            item.put("trigger", r.trigger());
            item.put("instance", r.instance());
            Views.putInstant(item, "startedAt", r.startedAt());
            Views.putInstant(item, "finishedAt", r.finishedAt());
            item.put("outcome", r.outcome());
            item.set("feeds", Views.parse(r.feeds()));
            item.put("snapshot", r.snapshot());
            item.put("error", r.error());
        }
        Requests.json(ctx, 200, body);
    }

    private void refresh(Context ctx) {
        Caller caller = Requests.caller(ctx);
        Accounts.require(caller, Role.ADMIN);
        if (!caller.operator()) {
            throw new Refusal(Refusal.Kind.FORBIDDEN, "feeds serve every organisation: only admins of 'default' refresh them");
        }
        ObjectNode body = Views.JSON.createObjectNode();
        body.put("queued", watch.scheduling().refreshNow());
        Requests.json(ctx, 202, body);
    }

    private void changes(Context ctx) {
        Caller caller = Requests.caller(ctx);
        ObjectNode body = Views.JSON.createObjectNode();
        ArrayNode items = body.putArray("items");
        for (FindingChanges.Change c : watch.monitoring().changes(caller.tenant(), Bodies.intParam(ctx, "offset", 0,
                Integer.MAX_VALUE), Bodies.intParam(ctx, "limit", 100, 1000))) {
            ObjectNode item = items.addObject();
            item.put("id", c.id());
            item.put("product", c.productSlug());
            item.put("release", c.releaseVersion());
            item.put("findingId", c.findingId());
            item.put("vulnerabilityId", c.vulnerabilityId());
            item.put("change", c.change());
            ObjectNode cause = item.putObject("cause");
            cause.put("kind", c.cause());
            ArrayNode feeds = cause.putArray("feeds");
            c.causeFeeds().forEach(feeds::add);
            cause.put("entry", c.entry());
            item.put("at", c.at().toString());
        }
        Requests.json(ctx, 200, body);
    }

    private void cases(Context ctx) {
        Caller caller = Requests.caller(ctx);
        String status = ctx.queryParam("status");
        if (status != null && !status.equals("open") && !status.equals("all")) {
            throw Refusal.invalid("status is open or all");
        }
        ObjectNode body = Views.JSON.createObjectNode();
        ArrayNode items = body.putArray("items");
        for (CaseBook.CaseView view : watch.cases().list(caller.tenant(), !"all".equals(status))) {
            items.add(caseJson(view));
        }
        Requests.json(ctx, 200, body);
    }

    private void open(Context ctx) {
        Caller caller = editor(ctx);
        ObjectNode body = Bodies.object(ctx, Set.of("product", "vulnerabilityId", "evidence"));
        CaseBook.CaseView view = watch.cases().open(caller.tenant(), caller.actor(), Bodies.text(body, "product"),
                Bodies.text(body, "vulnerabilityId"), Bodies.text(body, "evidence"));
        ctx.header("Location", "/api/v1/cases/" + view.stored().id());
        Requests.json(ctx, 201, caseJson(view));
    }

    private void show(Context ctx) {
        Caller caller = Requests.caller(ctx);
        Requests.json(ctx, 200, caseJson(watch.cases().show(caller.tenant(), id(ctx))));
    }

    private void awareness(Context ctx) {
        Caller caller = editor(ctx);
        ObjectNode body = Bodies.object(ctx, Set.of("awareAt", "reason"));
        Requests.json(ctx, 200, caseJson(watch.cases().confirmAwareness(caller.tenant(), caller.actor(), id(ctx),
                instant(Bodies.text(body, "awareAt"), "awareAt"), Bodies.text(body, "reason"))));
    }

    private void corrective(Context ctx) {
        Caller caller = editor(ctx);
        ObjectNode body = Bodies.object(ctx, Set.of("at"));
        Requests.json(ctx, 200, caseJson(watch.cases().correctiveMeasure(caller.tenant(), caller.actor(), id(ctx),
                instant(Bodies.text(body, "at"), "at"))));
    }

    private void status(Context ctx) {
        Caller caller = editor(ctx);
        ObjectNode body = Bodies.object(ctx, Set.of("status", "reason"));
        Requests.json(ctx, 200, caseJson(watch.cases().status(caller.tenant(), caller.actor(), id(ctx),
                Bodies.text(body, "status"), Bodies.text(body, "reason"))));
    }

    private void submit(Context ctx) {
        Caller caller = editor(ctx);
        ObjectNode body = Bodies.object(ctx, Set.of("framework", "stage", "at", "recipient", "draftSha256", "reference"));
        String at = Bodies.text(body, "at");
        CaseBook.CaseView view = watch.cases().submit(caller.tenant(), caller.actor(), id(ctx),
                Bodies.text(body, "framework"), Bodies.text(body, "stage"), at == null ? null : instant(at, "at"),
                Bodies.text(body, "recipient"), Bodies.text(body, "draftSha256"), Bodies.text(body, "reference"));
        Requests.json(ctx, 201, caseJson(view));
    }

    private void draft(Context ctx) {
        Caller caller = Requests.caller(ctx);
        String framework = ctx.queryParam("framework");
        String stage = ctx.queryParam("stage");
        if (framework == null || stage == null) {
            throw Refusal.invalid("framework and stage are required query parameters");
        }
        String format = ctx.queryParam("format") == null ? "md" : ctx.queryParam("format");
        CaseBook.Draft draft = watch.cases().draft(caller.tenant(), id(ctx), framework, stage, format);
        ctx.header("X-Content-SHA256", draft.sha256());
        ctx.status(200).contentType(draft.mediaType() + (draft.mediaType().startsWith("text/") ? "; charset=utf-8" : ""))
                .result(draft.content());
    }

    private void settings(Context ctx) {
        Caller caller = Requests.caller(ctx);
        Requests.json(ctx, 200, settingsJson(watch.monitoring().settings(caller.tenant())));
    }

    private void putSettings(Context ctx) {
        Caller caller = Requests.caller(ctx);
        Accounts.require(caller, Role.ADMIN);
        ObjectNode body = Bodies.object(ctx, Set.of("entityName", "timeZone", "euMainEstablishment", "roles", "webhookUrl",
                "webhookSecret", "emailTo", "webhookEvents", "emailEvents"));
        MonitorSettings.Settings current = watch.monitoring().settings(caller.tenant());
        MonitorSettings.Settings requested = new MonitorSettings.Settings(
                body.has("entityName") ? Bodies.text(body, "entityName") : current.entityName(),
                body.has("timeZone") ? Bodies.text(body, "timeZone") : current.timeZone(),
                body.has("euMainEstablishment") ? Bodies.text(body, "euMainEstablishment") : current.euMainEstablishment(),
                body.has("roles") ? Bodies.texts(body, "roles") : current.roles(),
                body.has("webhookUrl") ? Bodies.text(body, "webhookUrl") : current.webhookUrl(),
                body.has("webhookSecret") ? nonNull(Bodies.text(body, "webhookSecret")) : null,
                body.has("emailTo") ? Bodies.text(body, "emailTo") : current.emailTo(),
                body.has("webhookEvents") ? Bodies.texts(body, "webhookEvents") : null,
                body.has("emailEvents") ? Bodies.texts(body, "emailEvents") : null, null, null);
        Requests.json(ctx, 200, settingsJson(watch.monitoring().putSettings(caller.tenant(), caller.actor(), requested)));
    }

    private void test(Context ctx) {
        Caller caller = Requests.caller(ctx);
        Accounts.require(caller, Role.ADMIN);
        ObjectNode body = Views.JSON.createObjectNode();
        body.put("event", watch.monitoring().test(caller.tenant(), caller.actor()));
        Requests.json(ctx, 202, body);
    }

    private void events(Context ctx) {
        Caller caller = Requests.caller(ctx);
        ObjectNode body = Views.JSON.createObjectNode();
        ArrayNode items = body.putArray("items");
        for (Outbox.Event e : watch.monitoring().events(caller.tenant(), Bodies.intParam(ctx, "limit", 100, 1000))) {
            ObjectNode item = items.addObject();
            item.put("id", e.id());
            item.put("type", e.type());
            item.put("subject", e.subject());
            item.put("at", e.at().toString());
            item.set("payload", Views.parse(e.payload()));
        }
        Requests.json(ctx, 200, body);
    }

    private void deliveries(Context ctx) {
        Caller caller = Requests.caller(ctx);
        Accounts.require(caller, Role.ADMIN);
        ObjectNode body = Views.JSON.createObjectNode();
        ArrayNode items = body.putArray("items");
        for (Outbox.DeliveryRow d : watch.monitoring().deliveries(caller.tenant(), Bodies.intParam(ctx, "limit", 100, 1000))) {
            ObjectNode item = items.addObject();
            item.put("id", d.id());
            item.put("event", d.eventId());
            item.put("eventType", d.eventType());
            item.put("subject", d.subject());
            item.put("channel", d.channel());
            item.put("target", d.target());
            item.put("status", d.status());
            item.put("attempts", d.attempts());
            Views.putInstant(item, "deliveredAt", d.deliveredAt());
            item.put("lastError", d.lastError());
        }
        Requests.json(ctx, 200, body);
    }

    private void attempts(Context ctx) {
        Caller caller = Requests.caller(ctx);
        Accounts.require(caller, Role.ADMIN);
        ObjectNode body = Views.JSON.createObjectNode();
        ArrayNode items = body.putArray("items");
        for (Outbox.Attempt a : watch.monitoring().attempts(caller.tenant(), id(ctx))) {
            ObjectNode item = items.addObject();
            item.put("at", a.at().toString());
            item.put("ok", a.ok());
            item.put("detail", a.detail());
        }
        Requests.json(ctx, 200, body);
    }

    private void euMarket(Context ctx) {
        Caller caller = editor(ctx);
        ObjectNode body = Bodies.object(ctx, Set.of("euMarket"));
        JsonNode value = body.get("euMarket");
        if (value == null || !value.isBoolean()) {
            throw Refusal.invalid("'euMarket' must be true or false");
        }
        watch.monitoring().euMarket(caller.tenant(), caller.actor(), ctx.pathParam("id"), value.asBoolean());
        ObjectNode answer = Views.JSON.createObjectNode();
        answer.put("product", ctx.pathParam("id"));
        answer.put("euMarket", watch.monitoring().euMarket(caller.tenant(), ctx.pathParam("id")));
        Requests.json(ctx, 200, answer);
    }

    /** The obligations of a kept incident record, computed now (the {@code obligations} command's JSON). */
    private void incidentObligations(Context ctx) {
        Caller caller = Requests.caller(ctx);
        String name = ctx.pathParam("name");
        byte[] content = services.documents().content(caller, DocumentShelf.INCIDENT, name);
        try {
            ObligationsResult result = new ObligationsUseCase(KnowledgeBase.bundled()).run(ObligationsRequest.of(
                    IncidentInput.of(new InputDocument(name, content)), services.clock().instant()));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ReportingFormats.OBLIGATIONS.find("json").orElseThrow().write(result, out);
            ctx.status(200).contentType("application/json").result(out.toByteArray());
        } catch (InputException e) {
            throw new Refusal(Refusal.Kind.INVALID, e.getMessage());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static ObjectNode caseJson(CaseBook.CaseView view) {
        Cases.StoredCase c = view.stored();
        ObjectNode item = Views.JSON.createObjectNode();
        item.put("id", c.id());
        item.put("product", c.productSlug());
        item.put("vulnerabilityId", c.vulnerabilityId());
        item.put("status", c.status());
        item.put("openedAt", c.openedAt().toString());
        item.put("openedBy", c.openedBy());
        item.put("reason", c.reason());
        item.put("evidence", c.evidence());
        item.put("proposedAwareAt", c.proposedAwareAt().toString());
        Views.putInstant(item, "awareAt", c.awareAt());
        item.put("awareConfirmedBy", c.awareConfirmedBy());
        item.put("awareReason", c.awareReason());
        Views.putInstant(item, "correctiveMeasureAt", c.correctiveMeasureAt());
        ArrayNode releases = item.putArray("releases");
        c.releases().forEach(releases::add);
        item.put("timeZone", view.zone().getId());
        ArrayNode subs = item.putArray("submissions");
        for (Cases.Submission s : view.submissions()) {
            ObjectNode sub = subs.addObject();
            sub.put("framework", s.framework());
            sub.put("stage", s.stage());
            sub.put("at", s.at().toString());
            sub.put("recipient", s.recipient());
            sub.put("draftSha256", s.draftSha256());
            sub.put("reference", s.reference());
            sub.put("recordedBy", s.recordedBy());
            sub.put("recordedAt", s.recordedAt().toString());
        }
        ArrayNode clocks = item.putArray("clocks");
        for (Obligation o : view.obligations().obligations()) {
            if (!o.inForce()) {
                continue;
            }
            ObjectNode clock = clocks.addObject();
            clock.put("framework", o.framework());
            clock.put("frameworkName", o.frameworkName());
            clock.put("stage", o.stage());
            clock.put("stageName", o.stageName());
            clock.put("status", o.status().id());
            Views.putInstant(clock, "clockStart", o.clockStart());
            clock.put("clockStartEvent", o.clockStartEvent());
            Views.putInstant(clock, "due", o.due());
            if (o.due() != null) {
                clock.put("dueLocal", o.due().atZone(view.zone()).toOffsetDateTime().toString());
            } else {
                clock.putNull("dueLocal");
            }
            clock.put("waitingFor", o.waitingFor());
            clock.put("provisional", o.provisional());
            Views.putInstant(clock, "submittedAt", o.submittedAt());
            clock.put("late", o.late());
            clock.put("recipient", o.recipient());
            clock.put("source", o.source());
            clock.put("confidence", o.confidence().name().toLowerCase(java.util.Locale.ROOT));
            ArrayNode missing = clock.putArray("missingFields");
            o.missingFields().forEach(missing::add);
        }
        ArrayNode warnings = item.putArray("warnings");
        view.obligations().warnings().forEach(warnings::add);
        return item;
    }

    private static ObjectNode settingsJson(MonitorSettings.Settings s) {
        ObjectNode body = Views.JSON.createObjectNode();
        body.put("entityName", s.entityName());
        body.put("timeZone", s.timeZone());
        body.put("euMainEstablishment", s.euMainEstablishment());
        ArrayNode roles = body.putArray("roles");
        s.roles().forEach(roles::add);
        body.put("webhookUrl", s.webhookUrl());
        body.put("webhookSecretSet", !s.webhookSecret().isBlank());
        body.put("emailTo", s.emailTo());
        ArrayNode webhookEvents = body.putArray("webhookEvents");
        s.webhookEvents().forEach(webhookEvents::add);
        ArrayNode emailEvents = body.putArray("emailEvents");
        s.emailEvents().forEach(emailEvents::add);
        Views.putInstant(body, "updatedAt", s.updatedAt());
        body.put("updatedBy", s.updatedBy());
        return body;
    }

    private static Caller editor(Context ctx) {
        Caller caller = Requests.caller(ctx);
        Accounts.require(caller, Role.EDITOR);
        return caller;
    }

    private static long id(Context ctx) {
        try {
            return Long.parseLong(ctx.pathParam("id"));
        } catch (NumberFormatException e) {
            throw Refusal.notFound("'" + ctx.pathParam("id") + "'");
        }
    }

    private static String nonNull(String text) {
        return text == null ? "" : text;
    }

    static Instant instant(String text, String name) {
        if (text == null) {
            throw Refusal.invalid("'" + name + "' is required (ISO-8601 with an offset, e.g. 2026-12-06T10:00:00+01:00)");
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw Refusal.invalid("'" + name + "' is not a date-time with an offset: " + text);
        }
    }

}
