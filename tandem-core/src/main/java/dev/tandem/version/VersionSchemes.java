package dev.tandem.version;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The one lookup from an OSV ecosystem name or a purl type to the version scheme of that
 * ecosystem. Unsupported names give {@link Optional#empty()}, never a generic fallback.
 */
public final class VersionSchemes {

    // OSV ecosystem base name (before the first ':'), compared case-insensitively.
    private static final Map<String, VersionScheme> BY_ECOSYSTEM = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    private static final Map<String, VersionScheme> BY_PURL_TYPE = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);

    static {
        BY_ECOSYSTEM.put("npm", NpmScheme.INSTANCE);
        BY_ECOSYSTEM.put("PyPI", PypiScheme.INSTANCE);
        BY_ECOSYSTEM.put("Maven", MavenScheme.INSTANCE);
        BY_ECOSYSTEM.put("Go", GoScheme.INSTANCE);
        BY_ECOSYSTEM.put("crates.io", CargoScheme.INSTANCE);
        BY_ECOSYSTEM.put("RubyGems", RubyGemsScheme.INSTANCE);
        BY_ECOSYSTEM.put("NuGet", NugetScheme.INSTANCE);
        BY_ECOSYSTEM.put("Packagist", PackagistScheme.INSTANCE);
        BY_ECOSYSTEM.put("Hex", SemverScheme.INSTANCE);
        BY_ECOSYSTEM.put("SwiftURL", SemverScheme.INSTANCE);
        BY_ECOSYSTEM.put("Debian", DebianScheme.DEBIAN);
        BY_ECOSYSTEM.put("Ubuntu", DebianScheme.UBUNTU);
        // apk-based distributions
        for (String apk : List.of("Alpine", "Wolfi", "Chainguard", "MinimOS")) {
            BY_ECOSYSTEM.put(apk, AlpineScheme.INSTANCE);
        }
        // RPM-based distributions whose package tool is rpm
        for (String rpm : List.of("Red Hat", "Rocky Linux", "AlmaLinux", "SUSE", "openSUSE", "Mageia", "openEuler",
                "Azure Linux", "Photon OS")) {
            BY_ECOSYSTEM.put(rpm, RpmScheme.INSTANCE);
        }

        BY_PURL_TYPE.put("npm", NpmScheme.INSTANCE);
        BY_PURL_TYPE.put("pypi", PypiScheme.INSTANCE);
        BY_PURL_TYPE.put("maven", MavenScheme.INSTANCE);
        BY_PURL_TYPE.put("golang", GoScheme.INSTANCE);
        BY_PURL_TYPE.put("cargo", CargoScheme.INSTANCE);
        BY_PURL_TYPE.put("gem", RubyGemsScheme.INSTANCE);
        BY_PURL_TYPE.put("nuget", NugetScheme.INSTANCE);
        BY_PURL_TYPE.put("composer", PackagistScheme.INSTANCE);
        BY_PURL_TYPE.put("hex", SemverScheme.INSTANCE);
        BY_PURL_TYPE.put("swift", SemverScheme.INSTANCE);
        BY_PURL_TYPE.put("deb", DebianScheme.DEBIAN);
        BY_PURL_TYPE.put("apk", AlpineScheme.INSTANCE);
        BY_PURL_TYPE.put("rpm", RpmScheme.INSTANCE);
    }

    private VersionSchemes() {
    }

    /**
     * The scheme of an OSV ecosystem, e.g. {@code "PyPI"}, {@code "Debian:12"},
     * {@code "Red Hat:enterprise_linux:9::appstream"}; the release or repository suffix after the
     * first {@code ':'} is ignored. {@code "Root:<ecosystem>[:…]"} uses the inner ecosystem.
     */
    public static Optional<VersionScheme> forEcosystem(String osvEcosystem) {
        if (osvEcosystem == null) {
            return Optional.empty();
        }
        String name = osvEcosystem.strip();
        int colon = name.indexOf(':');
        String base = colon < 0 ? name : name.substring(0, colon);
        if (base.equalsIgnoreCase("Root") && colon >= 0) {
            return forEcosystem(name.substring(colon + 1));
        }
        return Optional.ofNullable(BY_ECOSYSTEM.get(base));
    }

    /** The scheme of a purl type, e.g. {@code "npm"}, {@code "deb"}, {@code "rpm"}, {@code "apk"}. */
    public static Optional<VersionScheme> forPurlType(String purlType) {
        return purlType == null ? Optional.empty() : Optional.ofNullable(BY_PURL_TYPE.get(purlType.strip().toLowerCase(Locale.ROOT)));
    }

    /** SemVer 2.0 precedence, used for OSV {@code SEMVER} ranges (a leading {@code v} is ignored). */
    public static VersionScheme semver() {
        return SemverScheme.INSTANCE;
    }

    /** The OSV ecosystem base names with a supported ordering, in alphabetical order. */
    public static List<String> supportedEcosystems() {
        return List.copyOf(BY_ECOSYSTEM.keySet());
    }
}
