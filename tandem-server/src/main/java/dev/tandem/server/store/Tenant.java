package dev.tandem.server.store;

import java.util.Objects;

/** An organisation: the scope of every query. */
public record Tenant(long id, String name) {
    public Tenant {
        Objects.requireNonNull(name, "name");
    }
}
