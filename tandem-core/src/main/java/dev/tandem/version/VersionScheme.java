package dev.tandem.version;

/** The version ordering of one ecosystem, agreeing with that ecosystem's own tool. */
public interface VersionScheme {

    /** The scheme's name, e.g. "PyPI", "Maven", "Debian". */
    String name();

    /** Parses a version; throws when the text is not a version of this scheme. */
    Version parse(String text) throws InvalidVersionException;

    /** Compares two version strings: negative, zero or positive. */
    default int compare(String a, String b) throws InvalidVersionException {
        return parse(a).compareTo(parse(b));
    }
}
