package dev.tandem.server.web;

import dev.tandem.audit.AuditEntry;
import dev.tandem.server.auth.Accounts;
import dev.tandem.server.auth.Caller;
import dev.tandem.server.auth.Tokens;
import dev.tandem.server.portfolio.DocumentShelf;
import dev.tandem.server.portfolio.Services;
import dev.tandem.server.store.Refusal;
import dev.tandem.server.store.Role;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.List;

/** The audit log, incidents and settings (users and API keys) pages. */
final class AdminPages {

    private final Pages pages;
    private final Services services;

    AdminPages(Pages pages, Services services) {
        this.pages = pages;
        this.services = services;
    }

    void register(RoutesConfig routes) {
        routes.get("/audit", Pages.page(this::audit));
        routes.get("/audit/export", Pages.page(this::auditExport));
        routes.get("/incidents", Pages.page(this::incidents));
        routes.get("/incidents/{name}", Pages.page(ctx -> Downloads.document(ctx, services, pages.session(ctx).caller(),
                DocumentShelf.INCIDENT, ctx.pathParam("name"), "incident '" + ctx.pathParam("name") + "'")));
        routes.get("/settings", Pages.page(this::settings));
        routes.post("/settings/users", Pages.page(this::createUser));
        routes.post("/settings/users/{id}/password", Pages.page(this::resetPassword));
        routes.post("/settings/keys", Pages.page(this::createKey));
        routes.post("/settings/keys/{id}/revoke", Pages.page(this::revokeKey));
    }

    private Caller admin(Context ctx) {
        Caller caller = pages.session(ctx).caller();
        Accounts.require(caller, Role.ADMIN);
        return caller;
    }

    private void audit(Context ctx) {
        Caller caller = admin(ctx);
        long before = Long.MAX_VALUE;
        try {
            if (ctx.queryParam("before") != null) {
                before = Long.parseLong(ctx.queryParam("before"));
            }
        } catch (NumberFormatException e) {
            before = Long.MAX_VALUE;
        }
        long olderThan = before;
        List<AuditEntry> entries = services.audit().before(caller, olderThan, 100);
        long next = entries.size() == 100 ? entries.get(entries.size() - 1).seq() : 0;
        pages.html(ctx, 200, "audit.jte", new PageModels.AuditPage(pages.frame(ctx, "Audit log", "audit", null), entries,
                next));
    }

    private void auditExport(Context ctx) {
        Caller caller = admin(ctx);
        byte[] body = dev.tandem.server.http.AuditRoutes.exportDocument(services, caller).toString()
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        ctx.status(200).contentType("application/json")
                .header("Content-Disposition", "attachment; filename=\"audit-" + Downloads.fileName(caller.tenant().name())
                        + ".json\"").result(body);
    }

    private void incidents(Context ctx) {
        Caller caller = pages.session(ctx).caller();
        pages.html(ctx, 200, "incidents.jte", new PageModels.IncidentsPage(pages.frame(ctx, "Incidents", "incidents", null),
                services.documents().list(caller, DocumentShelf.INCIDENT)));
    }

    private void settings(Context ctx) {
        settings(ctx, 200, null, null, null);
    }

    private void settings(Context ctx, int status, String message, String label, String secret) {
        Caller caller = admin(ctx);
        pages.html(ctx, status, "settings.jte", new PageModels.SettingsPage(pages.frame(ctx, "Settings", "settings",
                message), services.accounts().users(caller), services.accounts().keys(caller), label, secret));
    }

    private void createUser(Context ctx) {
        Caller caller = admin(ctx);
        Role role = role(ctx.formParam("role"));
        String password = ctx.formParam("password");
        Accounts.NewUser user = services.accounts().createUser(caller, ctx.formParam("username"), role,
                password == null || password.isEmpty() ? null : password);
        // Shown once, on this response only (never in a URL, never stored in clear).
        settings(ctx, 201, "User " + user.username() + " created.", password == null || password.isEmpty()
                ? "First password of " + user.username() : null, password == null || password.isEmpty() ? user.password() : null);
    }

    private void resetPassword(Context ctx) {
        Caller caller = admin(ctx);
        long id;
        try {
            id = Long.parseLong(ctx.pathParam("id"));
        } catch (NumberFormatException e) {
            throw Refusal.notFound("user " + ctx.pathParam("id"));
        }
        String password = ctx.formParam("password");
        boolean generated = password == null || password.isEmpty();
        Accounts.NewUser user = services.accounts().resetPassword(caller, id, generated ? null : password);
        // A generated password is shown once, on this response only.
        settings(ctx, 200, "The password of " + user.username() + " was reset; their sessions were logged out.",
                generated ? "New password of " + user.username() : null, generated ? user.password() : null);
    }

    private void createKey(Context ctx) {
        Caller caller = admin(ctx);
        String name = ctx.formParam("name");
        Tokens.NewKey key = services.accounts().createKey(caller, name, role(ctx.formParam("role")));
        settings(ctx, 201, "API key " + name + " created.", "API key " + name + " (" + key.keyId() + ")", key.secret());
    }

    private void revokeKey(Context ctx) {
        services.accounts().revokeKey(admin(ctx), ctx.pathParam("id"));
        ctx.redirect("/settings", HttpStatus.SEE_OTHER);
    }

    private static Role role(String text) {
        try {
            return Role.of(text);
        } catch (IllegalArgumentException e) {
            throw Refusal.invalid(e.getMessage());
        }
    }
}
