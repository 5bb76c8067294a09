package dev.tandem.usecase.pqc;

import java.util.List;

/** A plan asked for a market or sector the knowledge base does not have, or for none; says which ones it has. */
public final class UnknownScopeException extends IllegalArgumentException {

    private final List<String> known;

    private UnknownScopeException(String message, List<String> known) {
        super(message);
        this.known = List.copyOf(known);
    }

    /** {@code what} ("market", "sector") called {@code asked} is not known. */
    static UnknownScopeException unknown(String what, String asked, List<String> known) {
        return new UnknownScopeException("unknown " + what + " '" + asked + "', expected one of "
                + String.join(", ", known), known);
    }

    /** No {@code what} was given at all. */
    static UnknownScopeException none(String what, List<String> known) {
        return new UnknownScopeException("no " + what + " given; expected one or more of " + String.join(", ", known), known);
    }

    /** The ids the knowledge base has, in catalog order. */
    public List<String> known() {
        return known;
    }
}
