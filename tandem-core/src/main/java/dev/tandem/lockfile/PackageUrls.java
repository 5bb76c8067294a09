package dev.tandem.lockfile;

import com.github.packageurl.MalformedPackageURLException;
import com.github.packageurl.PackageURLBuilder;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Package URLs in each ecosystem's canonical form (github.com/package-url/purl-spec, PURL-TYPES), so a
 * component from a lockfile has the same purl as one from an SBOM and maps to its OSV ecosystem
 * ({@code dev.tandem.match.PurlIdentities}).
 */
final class PackageUrls {

    private PackageUrls() {
    }

    /** npm: a scope ({@code @babel}) is the namespace. */
    static String npm(String name, String version, Map<String, String> qualifiers) {
        int slash = name.indexOf('/');
        if (name.startsWith("@") && slash > 0) {
            return build("npm", name.substring(0, slash), name.substring(slash + 1), version, qualifiers);
        }
        return build("npm", null, name, version, qualifiers);
    }

    static String cargo(String name, String version, Map<String, String> qualifiers) {
        return build("cargo", null, name, version, qualifiers);
    }

    /** Go: the module path's last element is the name, the rest the namespace; versions keep their {@code v}. */
    static String golang(String module, String version) {
        int slash = module.lastIndexOf('/');
        return slash > 0 ? build("golang", module.substring(0, slash), module.substring(slash + 1), version, Map.of())
                : build("golang", null, module, version, Map.of());
    }

    /** PyPI: the purl type lower-cases the name and writes {@code _} as {@code -}. */
    static String pypi(String name, String version, Map<String, String> qualifiers) {
        return build("pypi", null, name, version, qualifiers);
    }

    /** Packagist: {@code vendor/name}, lower case (Composer names are case-insensitive). */
    static String composer(String name, String version, Map<String, String> qualifiers) {
        String lower = name.toLowerCase(Locale.ROOT);
        int slash = lower.indexOf('/');
        return slash > 0 ? build("composer", lower.substring(0, slash), lower.substring(slash + 1), version, qualifiers)
                : build("composer", null, lower, version, qualifiers);
    }

    static String gem(String name, String version, Map<String, String> qualifiers) {
        return build("gem", null, name, version, qualifiers);
    }

    /** Maven: group id as namespace; {@code type} when not jar, and {@code classifier}, as qualifiers. */
    static String maven(String group, String artifact, String version, String type, String classifier) {
        Map<String, String> qualifiers = new TreeMap<>();
        if (!classifier.isEmpty()) {
            qualifiers.put("classifier", classifier);
        }
        if (!type.isEmpty() && !type.equals("jar")) {
            qualifiers.put("type", type);
        }
        return build("maven", group, artifact, version, qualifiers);
    }

    /** A Git source as the {@code vcs_url} qualifier: {@code git+https://host/repo.git@commit} (purl-spec). */
    static Map<String, String> vcs(String url, String commit) {
        if (url.isEmpty()) {
            return Map.of();
        }
        String base = url.contains("+") || !url.contains("://") ? url : "git+" + url;
        int hash = base.indexOf('#');
        if (hash >= 0) {
            base = base.substring(0, hash);
        }
        return Map.of("vcs_url", commit.isEmpty() ? base : base + "@" + commit);
    }

    private static String build(String type, String namespace, String name, String version, Map<String, String> qualifiers) {
        try {
            PackageURLBuilder builder = PackageURLBuilder.aPackageURL().withType(type).withName(name);
            if (namespace != null && !namespace.isEmpty()) {
                builder.withNamespace(namespace);
            }
            if (version != null && !version.isEmpty()) {
                builder.withVersion(version);
            }
            qualifiers.forEach(builder::withQualifier);
            return builder.build().canonicalize();
        } catch (MalformedPackageURLException | RuntimeException e) {
            // A name the purl type refuses (empty, or with characters it forbids): no purl rather than a wrong one.
            return "";
        }
    }
}
