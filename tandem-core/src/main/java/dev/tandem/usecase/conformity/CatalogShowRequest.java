package dev.tandem.usecase.conformity;

import java.time.Instant;
import java.util.Objects;

/** One requirement catalog by id, in any case ({@code CRA-Annex-I} is {@code cra-annex-i}). */
public record CatalogShowRequest(String id, Instant generatedAt) {

    public CatalogShowRequest {
        Objects.requireNonNull(id, "id");
    }

    /** A request whose generation instant is not said. */
    public CatalogShowRequest(String id) {
        this(id, null);
    }
}
