package dev.tandem.server.web;

import dev.tandem.server.portfolio.Services;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

/** The web UI's pages (server-rendered; htmx for partial updates). */
public final class Pages {

    private final Services services;

    public Pages(Services services) {
        this.services = services;
    }

    public void register(RoutesConfig routes) {
        routes.get("/", ctx -> ctx.redirect("/login"));
    }

    public void notFound(Context ctx) {
        ctx.contentType("text/html; charset=utf-8").result("<!doctype html><title>Not found</title><p>Not found.</p>");
    }

    Services services() {
        return services;
    }
}
