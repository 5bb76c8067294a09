package dev.tandem.match;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Package-name normalisation per OSV ecosystem, applied to both advisories and components so that
 * one hash lookup finds every spelling the ecosystem treats as the same package.
 */
public final class PackageNames {

    private static final Pattern PEP_503_SEPARATORS = Pattern.compile("[-_.]+");

    private PackageNames() {
    }

    /** The normalised key of {@code name} in the OSV ecosystem {@code base} (without release suffix). */
    public static PackageKey key(String base, String name) {
        return new PackageKey(base, normalise(base, name.strip()));
    }

    static String normalise(String base, String name) {
        return switch (base) {
            // PEP 503: case-insensitive, runs of -, _ and . are equivalent.
            case "PyPI" -> pep503(name.toLowerCase(Locale.ROOT));
            // NuGet ids, Composer vendor/name and Hex names are case-insensitive.
            case "NuGet", "Packagist", "Hex" -> name.toLowerCase(Locale.ROOT);
            // Go module paths are case-sensitive in principle, but purl normalises golang
            // namespaces to lower case (packageurl-java), so both sides are folded.
            case "Go" -> name.toLowerCase(Locale.ROOT);
            // Maven coordinates are case-sensitive; OSV writes them group:artifact.
            default -> name;
        };
    }

    /** Most names have no separator run to fold: they skip the regular expression (a scan's hot path). */
    private static String pep503(String lower) {
        boolean previousDash = false;
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            if (c == '_' || c == '.' || c == '-' && previousDash) {
                return PEP_503_SEPARATORS.matcher(lower).replaceAll("-");
            }
            previousDash = c == '-';
        }
        return lower;
    }
}
