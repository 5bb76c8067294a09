package dev.tandem.usecase;

/** Tandem's own version, from the core jar's manifest ("development" when run from classes), for every output that names its producer. */
public final class TandemVersion {

    private TandemVersion() {
    }

    /** The version, such as {@code 0.1.0}, or {@code development}. */
    public static String current() {
        String version = TandemVersion.class.getPackage().getImplementationVersion();
        return version == null ? "development" : version;
    }
}
