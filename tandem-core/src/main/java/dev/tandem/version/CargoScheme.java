package dev.tandem.version;

/** crates.io version ordering: SemVer 2.0 precedence with the syntax of {@link SemverSyntax#CARGO}. */
final class CargoScheme implements VersionScheme {

    static final CargoScheme INSTANCE = new CargoScheme();

    private CargoScheme() {
    }

    @Override
    public String name() {
        return "crates.io";
    }

    @Override
    public Version parse(String text) throws InvalidVersionException {
        return SemverVersion.parse(name(), text, SemverSyntax.CARGO);
    }
}
