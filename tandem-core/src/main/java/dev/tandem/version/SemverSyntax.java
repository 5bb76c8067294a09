package dev.tandem.version;

/**
 * What a SemVer-family ecosystem accepts around the SemVer 2.0 core: prefixes, short forms,
 * leading zeros and number size. The ordering itself is SemVer 2.0 precedence for all of them.
 *
 * @param prefixV       a leading {@code v} (or {@code V}) is ignored
 * @param prefixEquals  a leading {@code =} is ignored (node-semver)
 * @param shortForms    {@code 1} and {@code 1.2} stand for {@code 1.0.0} and {@code 1.2.0}
 * @param shortWithPre  short forms may carry a prerelease or build suffix
 * @param leadingZeros  numeric parts may have leading zeros
 * @param maxNumber     the largest core number accepted; {@code -1} for unbounded
 */
record SemverSyntax(boolean prefixV, boolean prefixEquals, boolean shortForms, boolean shortWithPre,
                    boolean leadingZeros, long maxNumber) {

    /** OSV {@code SEMVER} ranges: SemVer 2.0, with the leniency real component versions need. */
    static final SemverSyntax OSV_SEMVER = new SemverSyntax(true, false, true, true, true, -1);
    /** node-semver strict parsing ({@code new SemVer(v)}, not loose). */
    static final SemverSyntax NPM = new SemverSyntax(true, false, false, false, false, 9007199254740991L);
    /** golang.org/x/mod/semver, with the {@code v} made optional because OSV Go ranges omit it. */
    static final SemverSyntax GO = new SemverSyntax(true, false, true, false, false, -1);
    /** The Rust semver crate used by Cargo; a leading {@code v} (from tag names in SBOMs) is tolerated. */
    static final SemverSyntax CARGO = new SemverSyntax(true, false, false, false, false, -1);
}
