package dev.tandem.usecase.conformity;

import java.util.List;

/** A requirement catalog id the knowledge base does not have; front ends report it as a usage error. */
public final class UnknownCatalogException extends Exception {

    private final String id;
    private final List<String> known;

    public UnknownCatalogException(String id, List<String> known) {
        super("unknown catalog '" + id + "'; known: " + String.join(", ", known));
        this.id = id;
        this.known = List.copyOf(known);
    }

    /** The id as asked for. */
    public String id() {
        return id;
    }

    /** The ids the knowledge base has, in its order. */
    public List<String> known() {
        return known;
    }
}
