package dev.tandem.version;

/** Go version ordering: SemVer 2.0 precedence with the syntax of {@link SemverSyntax#GO}. */
final class GoScheme implements VersionScheme {

    static final GoScheme INSTANCE = new GoScheme();

    private GoScheme() {
    }

    @Override
    public String name() {
        return "Go";
    }

    @Override
    public Version parse(String text) throws InvalidVersionException {
        return SemverVersion.parse(name(), text, SemverSyntax.GO);
    }
}
