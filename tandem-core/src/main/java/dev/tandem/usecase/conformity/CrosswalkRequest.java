package dev.tandem.usecase.conformity;

import java.util.Objects;

/** The crosswalk from one catalog to another, ids in any case; the opposite of a stored direction is computed. */
public record CrosswalkRequest(String from, String to) {

    public CrosswalkRequest {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
    }
}
