package dev.tandem.bench.corpus;

/**
 * The ecosystems of the synthetic corpus with their share of advisories, how their ids, names and
 * versions look, and their purl type. Shares approximate the osv.dev exports (npm dominated by
 * malicious-package reports, distributions next); docs/performance.md says how they were chosen.
 */
public enum Ecosystem {
    NPM("npm", 0.30, "npm", false),
    PYPI("PyPI", 0.07, "pypi", false),
    MAVEN("Maven", 0.03, "maven", false),
    GO("Go", 0.02, "golang", false),
    CRATES("crates.io", 0.01, "cargo", false),
    RUBYGEMS("RubyGems", 0.01, "gem", false),
    NUGET("NuGet", 0.01, "nuget", false),
    PACKAGIST("Packagist", 0.01, "composer", false),
    DEBIAN("Debian", 0.15, "deb", true),
    UBUNTU("Ubuntu", 0.13, "deb", true),
    ALPINE("Alpine", 0.07, "apk", true),
    REDHAT("Red Hat", 0.08, "rpm", true),
    SUSE("SUSE", 0.08, "rpm", true),
    LINUX("Linux", 0.03, "", false);

    final String osvName;
    final double share;
    final String purlType;
    final boolean distribution;

    Ecosystem(String osvName, double share, String purlType, boolean distribution) {
        this.osvName = osvName;
        this.share = share;
        this.purlType = purlType;
        this.distribution = distribution;
    }

    /** OSV uses SEMVER ranges for Go and crates.io, ECOSYSTEM ranges elsewhere. */
    boolean semverRanges() {
        return this == GO || this == CRATES;
    }

    /** Language ecosystems Tandem orders today; SBOM components that should match are drawn from these. */
    boolean ordered() {
        return switch (this) {
            case NPM, PYPI, MAVEN, GO, CRATES, NUGET -> true;
            default -> false;
        };
    }

    /** The folder (and zip) name of the ecosystem in a corpus, as osv.dev names its exports. */
    String folder() {
        return osvName.replace(' ', '_');
    }
}
