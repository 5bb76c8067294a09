package dev.tandem.usecase.conformity;

import java.time.Instant;

/** Asks for every requirement catalog and crosswalk of the knowledge base; {@code generatedAt} (may be null) is when the front end asked. */
public record CatalogListRequest(Instant generatedAt) {

    /** A request whose generation instant is not said. */
    public CatalogListRequest() {
        this(null);
    }
}
