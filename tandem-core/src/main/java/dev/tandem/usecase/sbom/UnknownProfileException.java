package dev.tandem.usecase.sbom;

import java.util.List;

/** A check asked for a quality profile the knowledge base does not have; says which ones it has. */
public final class UnknownProfileException extends IllegalArgumentException {

    private final List<String> known;

    public UnknownProfileException(String asked, List<String> known) {
        super("unknown profile '" + asked + "'; known: " + String.join(", ", known));
        this.known = List.copyOf(known);
    }

    /** The profile ids the knowledge base has, in catalog order. */
    public List<String> known() {
        return known;
    }
}
