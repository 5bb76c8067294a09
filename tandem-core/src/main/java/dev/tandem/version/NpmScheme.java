package dev.tandem.version;

/** npm version ordering: SemVer 2.0 precedence with the syntax of {@link SemverSyntax#NPM}. */
final class NpmScheme implements VersionScheme {

    static final NpmScheme INSTANCE = new NpmScheme();

    private NpmScheme() {
    }

    @Override
    public String name() {
        return "npm";
    }

    @Override
    public Version parse(String text) throws InvalidVersionException {
        return SemverVersion.parse(name(), text, SemverSyntax.NPM);
    }
}
