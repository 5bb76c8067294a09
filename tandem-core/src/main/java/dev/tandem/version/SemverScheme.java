package dev.tandem.version;

/** SEMVER version ordering: SemVer 2.0 precedence with the syntax of {@link SemverSyntax#OSV_SEMVER}. */
final class SemverScheme implements VersionScheme {

    static final SemverScheme INSTANCE = new SemverScheme();

    private SemverScheme() {
    }

    @Override
    public String name() {
        return "SEMVER";
    }

    @Override
    public Version parse(String text) throws InvalidVersionException {
        return SemverVersion.parse(name(), text, SemverSyntax.OSV_SEMVER);
    }
}
