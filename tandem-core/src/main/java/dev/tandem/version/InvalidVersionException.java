package dev.tandem.version;

/** A version string that the scheme cannot parse; the message quotes it. */
public final class InvalidVersionException extends Exception {

    private final String scheme;
    private final String text;

    public InvalidVersionException(String scheme, String text, String reason) {
        super(scheme + " version \"" + text + "\" is invalid: " + reason);
        this.scheme = scheme;
        this.text = text;
    }

    public String scheme() {
        return scheme;
    }

    public String text() {
        return text;
    }
}
