package dev.tandem.match;

import com.github.packageurl.MalformedPackageURLException;
import dev.tandem.sbom.Component;
import java.util.Locale;
import java.util.Map;

/**
 * Maps a component's package URL to the OSV ecosystem and package name advisories use, following
 * the purl type definitions and the OSV ecosystem list (see docs/matching.md for the table).
 */
public final class PurlIdentities {

    /** purl types whose OSV ecosystem does not depend on the namespace. */
    private static final Map<String, String> ECOSYSTEM_OF_TYPE = Map.ofEntries(
            Map.entry("npm", "npm"),
            Map.entry("pypi", "PyPI"),
            Map.entry("maven", "Maven"),
            Map.entry("golang", "Go"),
            Map.entry("cargo", "crates.io"),
            Map.entry("gem", "RubyGems"),
            Map.entry("nuget", "NuGet"),
            Map.entry("composer", "Packagist"),
            Map.entry("hex", "Hex"),
            Map.entry("pub", "Pub"),
            Map.entry("cran", "CRAN"),
            Map.entry("hackage", "Hackage"),
            Map.entry("swift", "SwiftURL"),
            Map.entry("conan", "ConanCenter"),
            Map.entry("bitnami", "Bitnami"),
            Map.entry("github", "GitHub Actions"));

    /** Distribution purl types: the namespace names the distribution. */
    private static final Map<String, String> DISTRO_OF_NAMESPACE = Map.ofEntries(
            Map.entry("deb/debian", "Debian"),
            Map.entry("deb/ubuntu", "Ubuntu"),
            Map.entry("apk/alpine", "Alpine"),
            Map.entry("apk/wolfi", "Wolfi"),
            Map.entry("apk/chainguard", "Chainguard"),
            Map.entry("rpm/redhat", "Red Hat"),
            Map.entry("rpm/rocky", "Rocky Linux"),
            Map.entry("rpm/rocky-linux", "Rocky Linux"),
            Map.entry("rpm/almalinux", "AlmaLinux"),
            Map.entry("rpm/suse", "SUSE"),
            Map.entry("rpm/opensuse", "openSUSE"),
            Map.entry("rpm/mageia", "Mageia"),
            Map.entry("rpm/openeuler", "openEuler"));

    private PurlIdentities() {
    }

    public static ComponentIdentity of(Component component) {
        if (component.purl().isEmpty()) {
            return new ComponentIdentity.Unmatchable("no package URL (purl)");
        }
        PackageUrlParts purl;
        try {
            purl = PackageUrlParts.parse(component.purl());
        } catch (MalformedPackageURLException e) {
            return new ComponentIdentity.Unmatchable("malformed package URL: " + e.getMessage());
        }
        String version = purl.version() != null ? purl.version() : component.version();
        if (version == null || version.isBlank()) {
            return new ComponentIdentity.Unmatchable("no version in the package URL or the component");
        }
        String type = purl.type().toLowerCase(Locale.ROOT);
        String namespace = purl.namespace();
        if (type.equals("deb") || type.equals("apk") || type.equals("rpm")) {
            return distroIdentity(purl, type, namespace, version);
        }
        String ecosystem = ECOSYSTEM_OF_TYPE.get(type);
        if (ecosystem == null) {
            return new ComponentIdentity.Unmatchable("no advisory ecosystem for purl type \"" + type + "\"");
        }
        String name = switch (type) {
            case "maven" -> namespace.isEmpty() ? purl.name() : namespace + ":" + purl.name();
            case "golang" -> goModule(namespace, purl.name());
            case "swift" -> namespace.isEmpty() ? purl.name() : namespace + "/" + purl.name();
            default -> namespace.isEmpty() ? purl.name() : namespace + "/" + purl.name();
        };
        if (type.equals("golang")) {
            version = goVersion(name, version);
        }
        return new ComponentIdentity.Known(PackageNames.key(ecosystem, name), "", version);
    }

    private static String goModule(String namespace, String name) {
        return namespace.isEmpty() ? name : namespace + "/" + name;
    }

    /** OSV writes Go versions without the {@code v} prefix, and the standard library without {@code go}. */
    private static String goVersion(String module, String version) {
        if (module.equals("stdlib") && version.startsWith("go")) {
            return version.substring(2);
        }
        return version.startsWith("v") ? version.substring(1) : version;
    }

    private static ComponentIdentity distroIdentity(PackageUrlParts purl, String type, String namespace, String version) {
        String ecosystem = DISTRO_OF_NAMESPACE.get(type + "/" + namespace.toLowerCase(Locale.ROOT));
        if (ecosystem == null) {
            return new ComponentIdentity.Unmatchable(
                    "no advisory ecosystem for " + type + " packages of distribution \"" + namespace + "\"");
        }
        Map<String, String> qualifiers = purl.qualifiers();
        // Debian and Ubuntu advisories name source packages; syft and others record the source in "upstream".
        String name = purl.name();
        String upstream = qualifiers.get("upstream");
        if (type.equals("deb") && upstream != null && !upstream.isBlank()) {
            int at = upstream.indexOf('@');
            name = (at > 0 ? upstream.substring(0, at) : upstream).strip();
        }
        String distro = qualifiers.getOrDefault("distro", "");
        String release = distro.isEmpty() ? "" : EcosystemName.normaliseRelease(ecosystem, distro);
        if (type.equals("rpm") && qualifiers.containsKey("epoch") && !version.contains(":")) {
            version = qualifiers.get("epoch") + ":" + version;
        }
        return new ComponentIdentity.Known(PackageNames.key(ecosystem, name), release, version);
    }
}
