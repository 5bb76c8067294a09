package dev.tandem.server.web;

import dev.tandem.server.auth.Authenticator;
import dev.tandem.server.portfolio.Services;
import dev.tandem.server.store.Refusal;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

/** The logged-in user's own account: who they are and a form to change their password. */
final class AccountPages {

    private final Pages pages;
    private final Services services;

    AccountPages(Pages pages, Services services) {
        this.pages = pages;
        this.services = services;
    }

    void register(RoutesConfig routes) {
        routes.get("/account", Pages.page(ctx -> show(ctx, 200, null, null)));
        routes.post("/account/password", Pages.page(this::changePassword));
    }

    private void show(Context ctx, int status, String message, String error) {
        pages.html(ctx, status, "account.jte", new PageModels.AccountPage(pages.frame(ctx, "Your account", "account",
                message), error));
    }

    private void changePassword(Context ctx) {
        Authenticator.WebSession session = pages.session(ctx);
        String replacement = ctx.formParam("new-password");
        if (replacement == null || !replacement.equals(ctx.formParam("confirm-password"))) {
            show(ctx, 400, null, "The new password and its confirmation differ; the password was not changed.");
            return;
        }
        try {
            services.accounts().changePassword(session.caller(), session.userId(), ctx.formParam("current-password"),
                    replacement, Pages.sessionSha256(ctx), ctx.ip());
        } catch (Refusal e) {
            if (Boolean.TRUE.equals(e.extensions().get("sessionEnded")) && e.extensions().get("retryAfter") instanceof Long s) {
                // The wrong password that locked the account ended this session: the user is logged out and told why.
                ctx.removeCookie(Pages.COOKIE, "/");
                ctx.header("Retry-After", Long.toString(s));
                pages.html(ctx, 429, "login.jte", new PageModels.LoginPage(Frame.anonymous("Log in"), "/account",
                        "Too many wrong current passwords: the account is locked and you were logged out; the password"
                                + " was not changed. Log in again in " + Pages.duration(s) + "."));
                return;
            }
            String error = capitalised(e.getMessage()) + ".";
            if (e.extensions().get("retryAfter") instanceof Long seconds) {
                // Locked like a login: say when to retry, and nothing about the password tried.
                ctx.header("Retry-After", Long.toString(seconds));
                error += " Try again in " + Pages.duration(seconds) + ".";
            }
            show(ctx, e.kind().status(), null, error);
            return;
        }
        show(ctx, 200, "Your password was changed; your other sessions were logged out.", null);
    }

    private static String capitalised(String message) {
        return message.isEmpty() ? message : Character.toUpperCase(message.charAt(0)) + message.substring(1);
    }
}
