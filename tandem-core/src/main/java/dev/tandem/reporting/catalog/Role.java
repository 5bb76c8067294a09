package dev.tandem.reporting.catalog;

import dev.tandem.catalog.Confidence;
import java.util.List;

/**
 * A role an entity can declare in an incident record, with the source and tag of its definition.
 * {@code implies} names the broader roles it always includes (a DORA credit institution is a DORA
 * financial entity, DORA Art 2(1)(a)); the source covers the implication.
 */
public record Role(String id, String text, List<String> implies, String source, Confidence confidence) {

    public Role {
        implies = implies == null ? List.of() : List.copyOf(implies);
    }
}
