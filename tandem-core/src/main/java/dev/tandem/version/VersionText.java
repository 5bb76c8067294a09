package dev.tandem.version;

/** Checks every scheme applies before parsing: no null, no absurdly long text from hostile input. */
final class VersionText {

    /** Longer than any real version (Red Hat module releases stay under 200 characters). */
    static final int MAX_LENGTH = 1024;

    private VersionText() {
    }

    static String check(String scheme, String text) throws InvalidVersionException {
        if (text == null) {
            throw new InvalidVersionException(scheme, "null", "no version");
        }
        if (text.length() > MAX_LENGTH) {
            throw new InvalidVersionException(scheme, text.substring(0, 40) + "…",
                    "longer than " + MAX_LENGTH + " characters (" + text.length() + ")");
        }
        return text;
    }
}
