package dev.tandem.server.web;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tandem.reporting.exercise.TimelineEntry;
import dev.tandem.reporting.obligation.Obligation;
import dev.tandem.reporting.obligation.Status;
import dev.tandem.server.auth.Accounts;
import dev.tandem.server.auth.Caller;
import dev.tandem.server.incident.IncidentBook;
import dev.tandem.server.portfolio.Services;
import dev.tandem.server.store.Refusal;
import dev.tandem.server.store.Role;
import dev.tandem.usecase.KnowledgeBase;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * Incident records in the web UI: a new one from a form, one edited in the same form, and its page —
 * every clock computed live with its countdown in the entity's zone and UTC, the legal source and
 * what the draft lacks, the report drafts, the exercise timeline so far, and a form recording a
 * submission (which closes its stage and starts the next clock). The record itself stays at
 * {@code /incidents/{name}}, as kept.
 */
public final class IncidentPages {

    private final Pages pages;
    private final IncidentBook book;

    IncidentPages(Pages pages, Services services) {
        this.pages = pages;
        this.book = new IncidentBook(services.database(), services.documents(), services.clock(), KnowledgeBase.bundled());
    }

    /** Registered before the record's own path ({@code /incidents/{name}}), so that {@code /incidents/new} is the form. */
    void register(RoutesConfig routes) {
        routes.get("/incidents/new", Pages.page(this::newForm));
        routes.post("/incidents", Pages.page(this::create));
        routes.get("/incidents/{name}/obligations", Pages.page(this::show));
        routes.get("/incidents/{name}/edit", Pages.page(this::editForm));
        routes.post("/incidents/{name}/edit", Pages.page(this::edit));
        routes.post("/incidents/{name}/submissions", Pages.page(this::submit));
        routes.get("/incidents/{name}/draft", Pages.page(this::draft));
        routes.get("/incidents/{name}/timeline", Pages.page(this::timeline));
    }

    public record IncidentPage(Frame frame, IncidentBook.IncidentView view, List<CasePages.ClockRow> clocks,
            List<CasePages.ClockRow> openStages, List<TimelineRow> timeline, String zone, boolean editor) {

        /** The name as a path segment. */
        public String path() {
            return URLEncoder.encode(view.name(), StandardCharsets.UTF_8);
        }
    }

    /** One line of the exercise timeline as the page shows it. */
    public record TimelineRow(String at, String label, String side, String outcome) {
    }

    public record IncidentFormPage(Frame frame, IncidentForm form, boolean create, List<String> flags,
            List<String> timelineKeys) {
    }

    private void create(Context ctx) {
        Caller caller = editor(ctx);
        String name = ctx.formParam("name");
        if (name == null || name.isBlank()) {
            throw Refusal.invalid("the incident needs a name (letters, digits and . _ -)");
        }
        name = name.strip();
        book.save(caller, name, IncidentForm.apply(ctx, com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode()), true);
        ctx.redirect("/incidents/" + URLEncoder.encode(name, StandardCharsets.UTF_8) + "/obligations?done=saved",
                HttpStatus.SEE_OTHER);
    }

    private void newForm(Context ctx) {
        editor(ctx);
        pages.html(ctx, 200, "incidentForm.jte", new IncidentFormPage(pages.frame(ctx, "New incident", "incidents", null),
                IncidentForm.blank("UTC"), true, IncidentForm.FLAGS, IncidentForm.TIMELINE));
    }

    private void editForm(Context ctx) {
        Caller caller = editor(ctx);
        String name = ctx.pathParam("name");
        ObjectNode record = book.record(caller, name).orElseThrow(() -> Refusal.notFound("incident '" + name + "'"));
        pages.html(ctx, 200, "incidentForm.jte", new IncidentFormPage(pages.frame(ctx, "Edit incident " + name,
                "incidents", null), IncidentForm.of(name, record), false, IncidentForm.FLAGS, IncidentForm.TIMELINE));
    }

    private void edit(Context ctx) {
        Caller caller = editor(ctx);
        String name = ctx.pathParam("name");
        ObjectNode record = book.record(caller, name).orElseThrow(() -> Refusal.notFound("incident '" + name + "'"));
        book.save(caller, name, IncidentForm.apply(ctx, record.deepCopy()), false);
        ctx.redirect("/incidents/" + URLEncoder.encode(name, StandardCharsets.UTF_8) + "/obligations?done=saved",
                HttpStatus.SEE_OTHER);
    }

    private void show(Context ctx) {
        Caller caller = pages.session(ctx).caller();
        IncidentBook.IncidentView view = book.show(caller, ctx.pathParam("name"));
        ZoneId zone = view.zone();
        List<TimelineRow> timeline = new ArrayList<>();
        for (TimelineEntry e : view.exercise().base().timeline()) {
            timeline.add(new TimelineRow(e.at() == null ? "not dated" : CasePages.local(e.at(), zone), e.label(), e.side(),
                    e.outcome() == null ? "" : e.outcome().id()));
        }
        pages.html(ctx, 200, "incident.jte", new IncidentPage(pages.frame(ctx, "Incident " + view.name(), "incidents",
                message(ctx)), view, rows(view, false), rows(view, true), timeline, zone.getId(),
                caller.role().covers(Role.EDITOR)));
    }

    private void submit(Context ctx) {
        Caller caller = editor(ctx);
        String name = ctx.pathParam("name");
        ZoneId zone = book.show(caller, name).zone();
        String stage = ctx.formParam("stage");
        if (stage == null || !stage.contains("/")) {
            throw Refusal.invalid("choose the stage the submission is for");
        }
        String at = ctx.formParam("at");
        book.submit(caller, name, stage.substring(0, stage.indexOf('/')), stage.substring(stage.indexOf('/') + 1),
                at == null || at.isBlank() ? null : CasePages.parse(at, zone), ctx.formParam("recipient"),
                ctx.formParam("draftSha256"), ctx.formParam("reference"));
        ctx.redirect("/incidents/" + URLEncoder.encode(name, StandardCharsets.UTF_8) + "/obligations?done=submission",
                HttpStatus.SEE_OTHER);
    }

    private void draft(Context ctx) {
        Caller caller = pages.session(ctx).caller();
        IncidentBook.Draft draft = book.draft(caller, ctx.pathParam("name"), ctx.queryParam("framework"),
                ctx.queryParam("stage"), "md");
        ctx.header("X-Content-SHA256", draft.sha256()).header("Cache-Control", "no-store")
                .contentType("text/markdown; charset=utf-8").result(draft.content());
    }

    private void timeline(Context ctx) {
        Caller caller = pages.session(ctx).caller();
        IncidentBook.Draft document = book.timeline(caller, ctx.pathParam("name"), "html");
        ctx.header("Cache-Control", "no-store").contentType(document.mediaType()).result(document.content());
    }

    /** The clocks of an incident; {@code openOnly}: stages not yet submitted. */
    static List<CasePages.ClockRow> rows(IncidentBook.IncidentView view, boolean openOnly) {
        List<CasePages.ClockRow> rows = new ArrayList<>();
        List<Obligation> obligations = openOnly ? view.open()
                : view.obligations().obligations().stream().filter(Obligation::inForce).toList();
        for (Obligation o : obligations) {
            rows.add(new CasePages.ClockRow(0, "", "", o.framework(), o.stage(), o.stageName(), o.status().id(),
                    o.status() == Status.OVERDUE, o.due() == null ? "" : CasePages.local(o.due(), view.zone()),
                    o.due() == null ? "" : CasePages.local(o.due(), ZoneId.of("UTC")), CasePages.remaining(o, view.at()),
                    o.source(), o.missingFields(), o.waitingFor() == null ? "" : o.waitingFor(),
                    o.submittedAt() == null ? "" : CasePages.local(o.submittedAt(), view.zone())));
        }
        return rows;
    }

    private static String message(Context ctx) {
        String done = ctx.queryParam("done");
        return done == null ? null : switch (done) {
            case "saved" -> "Incident saved; its clocks are computed from it.";
            case "submission" -> "Submission recorded; its stage is closed.";
            default -> null;
        };
    }

    private Caller editor(Context ctx) {
        Caller caller = pages.session(ctx).caller();
        Accounts.require(caller, Role.EDITOR);
        return caller;
    }
}
