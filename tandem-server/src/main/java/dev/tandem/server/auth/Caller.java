package dev.tandem.server.auth;

import dev.tandem.server.store.Role;
import dev.tandem.server.store.Tenant;
import java.util.Objects;

/**
 * Who made a request: the organisation every query is scoped to, the actor the audit log names
 * ({@code user:alice}, {@code key:ci-upload}), the role, and whether the organisation operates the
 * server (the first one, {@code default}: it alone may replace the advisory snapshot and create
 * organisations).
 */
public record Caller(Tenant tenant, String actor, Role role, boolean operator) {
    public Caller {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(role, "role");
    }

    /** A user's name without the {@code user:} prefix, for triage authorship. */
    public String name() {
        int colon = actor.indexOf(':');
        return colon < 0 ? actor : actor.substring(colon + 1);
    }
}
