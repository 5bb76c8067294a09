package dev.tandem.server.web;

import dev.tandem.reporting.obligation.Obligation;
import dev.tandem.reporting.obligation.Status;
import dev.tandem.server.auth.Accounts;
import dev.tandem.server.auth.Caller;
import dev.tandem.server.feeds.Watch;
import dev.tandem.server.monitor.CaseBook;
import dev.tandem.server.store.MonitorSettings;
import dev.tandem.server.store.Refusal;
import dev.tandem.server.store.Role;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Vulnerability cases with their open clocks, one case with its forms, and the monitoring settings page. */
public final class CasePages {

    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm xxx");

    private final Pages pages;
    private final Watch watch;

    CasePages(Pages pages, Watch watch) {
        this.pages = pages;
        this.watch = watch;
    }

    void register(RoutesConfig routes) {
        routes.get("/cases", Pages.page(this::list));
        routes.get("/cases/{id}", Pages.page(this::show));
        routes.post("/cases/{id}/awareness", Pages.page(this::awareness));
        routes.post("/cases/{id}/corrective-measure", Pages.page(this::corrective));
        routes.post("/cases/{id}/submissions", Pages.page(this::submit));
        routes.get("/cases/{id}/draft", Pages.page(this::draft));
        routes.get("/monitoring", Pages.page(this::monitoring));
        routes.post("/monitoring/settings", Pages.page(this::saveSettings));
        routes.post("/monitoring/test", Pages.page(this::test));
        routes.post("/monitoring/refresh", Pages.page(this::refresh));
    }

    /** One clock as a page shows it: due in the organisation's zone and in UTC, the time left, the source. */
    public record ClockRow(long caseId, String product, String vulnerability, String framework, String stage,
            String stageName, String status, boolean overdue, String dueLocal, String dueUtc, String remaining,
            String source, List<String> missing, String waitingFor, String submittedAt) {
    }

    public record CasesPage(Frame frame, List<ClockRow> clocks, List<CaseBook.CaseView> cases, String zone) {
    }

    public record CasePage(Frame frame, CaseBook.CaseView view, List<ClockRow> clocks, List<ClockRow> openStages,
            String proposedLocal, String awareLocal, String zone) {
    }

    public record MonitoringPage(Frame frame, MonitorSettings.Settings settings, boolean admin, boolean refreshes,
            List<dev.tandem.server.store.FeedRefreshes.Refresh> refreshLog,
            List<dev.tandem.server.store.FindingChanges.Change> changes,
            List<dev.tandem.server.store.Outbox.DeliveryRow> deliveries, List<String> staleWarnings) {

        /** What an event type announces, for the table of choices. */
        public static String describe(String type) {
            return switch (type) {
                case "case.opened" -> "a case opens";
                case "case.stage.due-soon" -> "a case's stage is 6 hours or less from due";
                case "case.stage.overdue" -> "a case's stage is overdue";
                case "incident.opened" -> "an incident is recorded";
                case "incident.stage.due-soon" -> "an incident's stage is 6 hours or less from due";
                case "incident.stage.overdue" -> "an incident's stage is overdue";
                default -> type;
            };
        }
    }

    private void list(Context ctx) {
        Caller caller = pages.session(ctx).caller();
        List<CaseBook.CaseView> cases = watch.cases().list(caller.tenant(), true);
        List<ClockRow> clocks = new ArrayList<>();
        for (CaseBook.CaseView view : cases) {
            clocks.addAll(rows(view, true));
        }
        clocks.sort((a, b) -> a.dueUtc().compareTo(b.dueUtc()));
        String zone = cases.isEmpty() ? watch.monitoring().settings(caller.tenant()).timeZone() : cases.get(0).zone().getId();
        pages.html(ctx, 200, "cases.jte", new CasesPage(pages.frame(ctx, "Cases", "cases", message(ctx)), clocks, cases, zone));
    }

    private void show(Context ctx) {
        show(ctx, 200, message(ctx));
    }

    private void show(Context ctx, int status, String message) {
        Caller caller = pages.session(ctx).caller();
        CaseBook.CaseView view = watch.cases().show(caller.tenant(), id(ctx));
        ZoneId zone = view.zone();
        pages.html(ctx, status, "case.jte", new CasePage(pages.frame(ctx, "Case " + view.stored().id() + ": "
                + view.stored().vulnerabilityId(), "cases", message), view, rows(view, false), rows(view, true),
                local(view.stored().proposedAwareAt(), zone),
                view.stored().awareAt() == null ? null : local(view.stored().awareAt(), zone), zone.getId()));
    }

    private void awareness(Context ctx) {
        Caller caller = editor(ctx);
        long id = id(ctx);
        ZoneId zone = watch.cases().show(caller.tenant(), id).zone();
        watch.cases().confirmAwareness(caller.tenant(), caller.actor(), id, parse(ctx.formParam("awareAt"), zone),
                ctx.formParam("reason"));
        ctx.redirect("/cases/" + id + "?done=awareness", HttpStatus.SEE_OTHER);
    }

    private void corrective(Context ctx) {
        Caller caller = editor(ctx);
        long id = id(ctx);
        ZoneId zone = watch.cases().show(caller.tenant(), id).zone();
        watch.cases().correctiveMeasure(caller.tenant(), caller.actor(), id, parse(ctx.formParam("at"), zone));
        ctx.redirect("/cases/" + id + "?done=corrective", HttpStatus.SEE_OTHER);
    }

    private void submit(Context ctx) {
        Caller caller = editor(ctx);
        long id = id(ctx);
        ZoneId zone = watch.cases().show(caller.tenant(), id).zone();
        String stage = ctx.formParam("stage");
        if (stage == null || !stage.contains("/")) {
            throw Refusal.invalid("choose the stage the submission is for");
        }
        String at = ctx.formParam("at");
        watch.cases().submit(caller.tenant(), caller.actor(), id, stage.substring(0, stage.indexOf('/')),
                stage.substring(stage.indexOf('/') + 1), at == null || at.isBlank() ? null : parse(at, zone),
                ctx.formParam("recipient"), ctx.formParam("draftSha256"), ctx.formParam("reference"));
        ctx.redirect("/cases/" + id + "?done=submission", HttpStatus.SEE_OTHER);
    }

    private void draft(Context ctx) {
        Caller caller = pages.session(ctx).caller();
        String framework = ctx.queryParam("framework");
        String stage = ctx.queryParam("stage");
        if (framework == null || stage == null) {
            throw Refusal.invalid("framework and stage are required");
        }
        CaseBook.Draft draft = watch.cases().draft(caller.tenant(), id(ctx), framework, stage, "md");
        ctx.header("X-Content-SHA256", draft.sha256()).header("Cache-Control", "no-store")
                .contentType("text/markdown; charset=utf-8").result(draft.content());
    }

    private void monitoring(Context ctx) {
        Caller caller = pages.session(ctx).caller();
        pages.html(ctx, 200, "monitoring.jte", new MonitoringPage(pages.frame(ctx, "Monitoring", "monitoring",
                message(ctx)), watch.monitoring().settings(caller.tenant()), caller.role().covers(Role.ADMIN),
                watch.scheduling().refreshConfigured(), watch.refreshes(10), watch.monitoring().changes(caller.tenant(), 0, 50),
                caller.role().covers(Role.ADMIN) ? watch.monitoring().deliveries(caller.tenant(), 50) : List.of(),
                pages.staleWarnings()));
    }

    private void saveSettings(Context ctx) {
        Caller caller = admin(ctx);
        String secret = ctx.formParam("webhookSecret");
        String roles = ctx.formParam("roles");
        watch.monitoring().putSettings(caller.tenant(), caller.actor(), new MonitorSettings.Settings(
                ctx.formParam("entityName"), ctx.formParam("timeZone"), ctx.formParam("euMainEstablishment"),
                roles == null ? List.of() : Arrays.stream(roles.split("[,\\s]+")).filter(r -> !r.isBlank()).toList(),
                ctx.formParam("webhookUrl"), secret == null || secret.isEmpty() ? null : secret, ctx.formParam("emailTo"),
                ctx.formParams("webhookEvents"), ctx.formParams("emailEvents"), null, null));
        ctx.redirect("/monitoring?done=settings", HttpStatus.SEE_OTHER);
    }

    private void test(Context ctx) {
        Caller caller = admin(ctx);
        watch.monitoring().test(caller.tenant(), caller.actor());
        ctx.redirect("/monitoring?done=test", HttpStatus.SEE_OTHER);
    }

    private void refresh(Context ctx) {
        Caller caller = admin(ctx);
        if (!caller.operator()) {
            throw new Refusal(Refusal.Kind.FORBIDDEN, "feeds serve every organisation: only admins of 'default' refresh them");
        }
        boolean queued = watch.scheduling().refreshNow();
        ctx.redirect("/monitoring?done=" + (queued ? "refresh" : "refresh-running"), HttpStatus.SEE_OTHER);
    }

    private static String message(Context ctx) {
        String done = ctx.queryParam("done");
        if (done == null) {
            return null;
        }
        return switch (done) {
            case "awareness" -> "Awareness recorded; the clocks run from it.";
            case "corrective" -> "Corrective measure recorded; the final report's clock runs from it.";
            case "submission" -> "Submission recorded; its stage is closed.";
            case "settings" -> "Settings saved.";
            case "test" -> "Test message queued; the delivery log shows how it went.";
            case "refresh" -> "Feed refresh queued.";
            case "refresh-running" -> "A feed refresh is already queued or running.";
            default -> null;
        };
    }

    /** The clocks of a case; {@code openOnly}: stages not yet submitted. */
    static List<ClockRow> rows(CaseBook.CaseView view, boolean openOnly) {
        List<ClockRow> rows = new ArrayList<>();
        List<Obligation> obligations = openOnly ? view.open()
                : view.obligations().obligations().stream().filter(Obligation::inForce).toList();
        for (Obligation o : obligations) {
            boolean overdue = o.status() == Status.OVERDUE;
            rows.add(new ClockRow(view.stored().id(), view.stored().productSlug(), view.stored().vulnerabilityId(),
                    o.framework(), o.stage(), o.stageName(), o.status().id(), overdue,
                    o.due() == null ? "" : local(o.due(), view.zone()), o.due() == null ? "" : local(o.due(), ZoneId.of("UTC")),
                    remaining(o, view.at()), o.source(), o.missingFields(), o.waitingFor() == null ? "" : o.waitingFor(),
                    o.submittedAt() == null ? "" : local(o.submittedAt(), view.zone())));
        }
        return rows;
    }

    static String remaining(Obligation o, Instant now) {
        if (o.status() == Status.SUBMITTED) {
            return "submitted";
        }
        if (o.due() == null) {
            return o.status() == Status.ASAP ? "without undue delay" : "not dated yet";
        }
        Duration left = Duration.between(now, o.due());
        String text = span(left.abs());
        return left.isNegative() ? "overdue by " + text : "due in " + text;
    }

    private static String span(Duration d) {
        long days = d.toDays();
        long hours = d.toHoursPart();
        long minutes = d.toMinutesPart();
        return (days > 0 ? days + " d " : "") + hours + " h " + minutes + " min";
    }

    static String local(Instant at, ZoneId zone) {
        return at.atZone(zone).format(SHOWN) + (zone.getId().equals("UTC") ? " UTC" : " " + zone.getId());
    }

    /** A date-time from a form: with an offset, or local to the organisation's zone (the form says which). */
    static Instant parse(String text, ZoneId zone) {
        if (text == null || text.isBlank()) {
            throw Refusal.invalid("a date and time is required");
        }
        try {
            return OffsetDateTime.parse(text.strip()).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return LocalDateTime.parse(text.strip()).atZone(zone).toInstant();
            } catch (DateTimeParseException e2) {
                throw Refusal.invalid("'" + text + "' is not a date and time (2026-12-06T10:30, in " + zone.getId()
                        + ", or with an offset)");
            }
        }
    }

    private Caller editor(Context ctx) {
        Caller caller = pages.session(ctx).caller();
        Accounts.require(caller, Role.EDITOR);
        return caller;
    }

    private Caller admin(Context ctx) {
        Caller caller = pages.session(ctx).caller();
        Accounts.require(caller, Role.ADMIN);
        return caller;
    }

    private static long id(Context ctx) {
        try {
            return Long.parseLong(ctx.pathParam("id"));
        } catch (NumberFormatException e) {
            throw Refusal.notFound("case '" + ctx.pathParam("id") + "'");
        }
    }
}
