package dev.tandem.sbom;

/** Picks a value from fields in order of preference, as SBOMs spread one fact over several fields. */
final class Fallbacks {

    private Fallbacks() {
    }

    /** The first non-empty value, or "" when the document gives none. */
    static String first(String... values) {
        for (String value : values) {
            if (!value.isEmpty()) {
                return value;
            }
        }
        return "";
    }
}
