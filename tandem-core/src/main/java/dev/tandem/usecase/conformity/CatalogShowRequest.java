package dev.tandem.usecase.conformity;

import java.util.Objects;

/** One requirement catalog by id, in any case ({@code CRA-Annex-I} is {@code cra-annex-i}). */
public record CatalogShowRequest(String id) {

    public CatalogShowRequest {
        Objects.requireNonNull(id, "id");
    }
}
