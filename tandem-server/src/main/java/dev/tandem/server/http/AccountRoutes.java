package dev.tandem.server.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tandem.server.auth.Accounts;
import dev.tandem.server.auth.Caller;
import dev.tandem.server.auth.Tokens;
import dev.tandem.server.portfolio.Services;
import dev.tandem.server.store.Refusal;
import dev.tandem.server.store.Role;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Set;

/** The caller's organisation, its users and API keys; creating organisations (operator admins). */
final class AccountRoutes {

    private final Services services;

    AccountRoutes(Services services) {
        this.services = services;
    }

    void register(RoutesConfig routes) {
        routes.get("/api/v1/organisation", this::organisation);
        routes.post("/api/v1/organisations", this::createOrganisation);
        routes.get("/api/v1/users", this::users);
        routes.post("/api/v1/users", this::createUser);
        routes.get("/api/v1/api-keys", this::keys);
        routes.post("/api/v1/api-keys", this::createKey);
        routes.delete("/api/v1/api-keys/{id}", this::revokeKey);
    }

    private void organisation(Context ctx) {
        Caller caller = Requests.caller(ctx);
        ObjectNode body = Views.JSON.createObjectNode();
        body.put("name", caller.tenant().name());
        body.put("caller", caller.actor());
        body.put("role", caller.role().label());
        body.put("operator", caller.operator());
        Requests.json(ctx, 200, body);
    }

    private void createOrganisation(Context ctx) {
        ObjectNode request = Bodies.object(ctx, Set.of("name"));
        Accounts.NewOrganisation created = services.accounts().createOrganisation(Requests.caller(ctx),
                Bodies.text(request, "name"));
        ObjectNode body = Views.JSON.createObjectNode();
        body.put("name", created.tenant().name());
        ObjectNode admin = body.putObject("admin");
        admin.put("username", created.adminUsername());
        admin.put("password", created.adminPassword());
        body.set("apiKey", newKey(created.adminKey(), "admin", Role.ADMIN));
        ctx.header("Cache-Control", "no-store");
        Requests.json(ctx, 201, body);
    }

    private void users(Context ctx) {
        ObjectNode body = Views.JSON.createObjectNode();
        ArrayNode items = body.putArray("items");
        services.accounts().users(Requests.caller(ctx)).forEach(u -> items.add(Views.user(u)));
        Requests.json(ctx, 200, body);
    }

    private void createUser(Context ctx) {
        ObjectNode request = Bodies.object(ctx, Set.of("username", "role", "password"));
        Accounts.NewUser user = services.accounts().createUser(Requests.caller(ctx), Bodies.text(request, "username"),
                role(Bodies.text(request, "role")), Bodies.text(request, "password"));
        ObjectNode body = Views.JSON.createObjectNode();
        body.put("id", user.id());
        body.put("username", user.username());
        body.put("role", user.role().label());
        if (request.hasNonNull("password")) {
            body.putNull("password");
        } else {
            body.put("password", user.password());
        }
        ctx.header("Cache-Control", "no-store");
        Requests.json(ctx, 201, body);
    }

    private void keys(Context ctx) {
        ObjectNode body = Views.JSON.createObjectNode();
        ArrayNode items = body.putArray("items");
        services.accounts().keys(Requests.caller(ctx)).forEach(k -> items.add(Views.key(k)));
        Requests.json(ctx, 200, body);
    }

    private void createKey(Context ctx) {
        ObjectNode request = Bodies.object(ctx, Set.of("name", "role"));
        String name = Bodies.text(request, "name");
        Role role = role(Bodies.text(request, "role"));
        Tokens.NewKey key = services.accounts().createKey(Requests.caller(ctx), name, role);
        ctx.header("Cache-Control", "no-store");
        Requests.json(ctx, 201, newKey(key, name, role));
    }

    private void revokeKey(Context ctx) {
        services.accounts().revokeKey(Requests.caller(ctx), ctx.pathParam("id"));
        ctx.status(204);
    }

    private static ObjectNode newKey(Tokens.NewKey key, String name, Role role) {
        ObjectNode node = Views.JSON.createObjectNode();
        node.put("id", key.keyId());
        node.put("name", name);
        node.put("role", role.label());
        node.put("secret", key.secret());
        return node;
    }

    private static Role role(String text) {
        if (text == null) {
            throw Refusal.invalid("'role' is required: admin, editor or viewer");
        }
        try {
            return Role.of(text);
        } catch (IllegalArgumentException e) {
            throw Refusal.invalid(e.getMessage());
        }
    }
}
