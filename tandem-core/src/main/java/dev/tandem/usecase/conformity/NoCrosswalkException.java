package dev.tandem.usecase.conformity;

/** Two known catalogs with no crosswalk between them in either direction; front ends report it as a usage error. */
public final class NoCrosswalkException extends Exception {

    private final String from;
    private final String to;

    public NoCrosswalkException(String from, String to) {
        super("no crosswalk between " + from + " and " + to);
        this.from = from;
        this.to = to;
    }

    public String from() {
        return from;
    }

    public String to() {
        return to;
    }
}
