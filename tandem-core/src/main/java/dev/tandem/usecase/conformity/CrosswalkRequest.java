package dev.tandem.usecase.conformity;

import java.time.Instant;
import java.util.Objects;

/** The crosswalk from one catalog to another, ids in any case; the opposite of a stored direction is computed. */
public record CrosswalkRequest(String from, String to, Instant generatedAt) {

    public CrosswalkRequest {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
    }

    /** A request whose generation instant is not said. */
    public CrosswalkRequest(String from, String to) {
        this(from, to, null);
    }
}
