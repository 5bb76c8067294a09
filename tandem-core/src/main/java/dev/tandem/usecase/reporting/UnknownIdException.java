package dev.tandem.usecase.reporting;

import java.util.List;

/**
 * A request names a framework or stage the catalog does not have. The message lists the ids it does
 * have; {@link #known()} gives them to a front end that offers a choice instead.
 */
public final class UnknownIdException extends RuntimeException {

    private final String id;
    private final List<String> known;

    UnknownIdException(String message, String id, List<String> known) {
        super(message);
        this.id = id;
        this.known = List.copyOf(known);
    }

    /** An unknown framework id. */
    static UnknownIdException framework(String id, List<String> known) {
        return new UnknownIdException("unknown framework '" + id + "'; known: " + known, id, known);
    }

    /** An unknown stage of a known framework. */
    static UnknownIdException stage(String framework, String id, List<String> known) {
        return new UnknownIdException("framework " + framework + " has no stage '" + id + "'; it has " + known, id, known);
    }

    /** The id asked for. */
    public String id() {
        return id;
    }

    /** The ids the catalog has in its place. */
    public List<String> known() {
        return known;
    }
}
