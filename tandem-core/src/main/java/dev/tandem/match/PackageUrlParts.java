package dev.tandem.match;

import com.github.packageurl.MalformedPackageURLException;
import com.github.packageurl.PackageURL;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The parts of a package URL that matching needs. The common shapes (a lowercase type advisories
 * cover, a plain namespace and name, a version, simple qualifiers) are read by a fast path
 * that allocates only the parts; everything else — percent-encoding, upper case, a subpath, odd
 * separators — goes to packageurl-java, whose normalisation rules stay the reference. The fast path
 * agrees with packageurl-java on every input it accepts (PackageUrlPartsTest: the purl-spec test
 * suite and generated purls).
 */
public record PackageUrlParts(String type, String namespace, String name, String version,
        Map<String, String> qualifiers) {

    /**
     * Types the fast path reads. Types with validation rules in packageurl-java (swift, cran, conan,
     * hackage...) or name rewriting beyond lower-casing always take the full parser.
     */
    private static final Set<String> FAST_TYPES = Set.of("npm", "pypi", "maven", "golang", "cargo", "gem",
            "nuget", "composer", "hex", "pub", "deb", "apk", "rpm");

    /**
     * Types whose namespace and name packageurl-java keeps as written; the others (golang, deb, rpm,
     * pypi) it lower-cases, so the fast path takes them only when they are lowercase already. Composer
     * keeps its case in packageurl-java 1.5.0 but the purl spec lower-cases it: mixed case goes to the
     * full parser, so Tandem's reading stays packageurl-java's.
     */
    private static final Set<String> CASE_KEPT = Set.of("npm", "maven", "cargo", "gem", "nuget", "hex",
            "pub", "apk");

    /** {@code version} is null when the purl has none; {@code namespace} is empty when it has none. */
    public PackageUrlParts {
        qualifiers = Map.copyOf(qualifiers);
    }

    /** Reads {@code purl}, through the fast path when it can. */
    public static PackageUrlParts parse(String purl) throws MalformedPackageURLException {
        PackageUrlParts fast = fast(purl);
        if (fast != null) {
            return fast;
        }
        PackageURL parsed = new PackageURL(purl);
        return new PackageUrlParts(parsed.getType(), parsed.getNamespace() == null ? "" : parsed.getNamespace(),
                parsed.getName(), parsed.getVersion(), parsed.getQualifiers() == null ? Map.of() : parsed.getQualifiers());
    }

    /** The fast reading of {@code purl}, or null when it is not one of the common shapes. */
    static PackageUrlParts fast(String purl) {
        int length = purl.length();
        if (length < 8 || !purl.startsWith("pkg:")) {
            return null;
        }
        int typeEnd = purl.indexOf('/', 4);
        if (typeEnd <= 4) {
            return null;
        }
        String type = purl.substring(4, typeEnd);
        if (!FAST_TYPES.contains(type)) {
            return null;
        }
        int query = purl.indexOf('?', typeEnd);
        int mainEnd = query < 0 ? length : query;
        int at = purl.indexOf('@', typeEnd);
        if (at < 0 || at >= mainEnd || at == mainEnd - 1 || purl.indexOf('@', at + 1) >= 0 && purl.indexOf('@', at + 1) < mainEnd) {
            return null;
        }
        int lastSlash = purl.lastIndexOf('/', at);
        if (lastSlash == at - 1) {
            return null;
        }
        int nameStart = lastSlash + 1;
        boolean upper = CASE_KEPT.contains(type);
        String namespace = "";
        int nsStart = typeEnd + 1;
        if (lastSlash > typeEnd) {
            // An npm scope is the one percent-encoding the fast path reads: %40 at the start of the namespace.
            boolean scope = type.equals("npm") && purl.startsWith("%40", nsStart);
            int checkFrom = scope ? nsStart + 3 : nsStart;
            if (!plain(purl, checkFrom, lastSlash, true, upper) || checkFrom == lastSlash) {
                return null;
            }
            namespace = scope ? "@" + purl.substring(checkFrom, lastSlash) : purl.substring(nsStart, lastSlash);
        }
        // packageurl-java requires a Maven group id.
        if (type.equals("maven") && namespace.isEmpty() || !plain(purl, nameStart, at, false, upper)) {
            return null;
        }
        String name = purl.substring(nameStart, at);
        if (type.equals("pypi") && name.indexOf('_') >= 0) {
            return null;
        }
        if (!plainVersion(purl, at + 1, mainEnd)) {
            return null;
        }
        String version = purl.substring(at + 1, mainEnd);
        Map<String, String> qualifiers = query < 0 ? Map.of() : qualifiers(purl, query + 1, length);
        if (qualifiers == null) {
            return null;
        }
        return new PackageUrlParts(type, namespace, name, version, qualifiers);
    }

    /**
     * Letters (upper case only when {@code upper}), digits and {@code . - _ ~ +}, and {@code /} between
     * non-empty namespace segments.
     */
    private static boolean plain(String s, int from, int to, boolean slashes, boolean upper) {
        if (from >= to) {
            return false;
        }
        char previous = '/';
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            boolean ok = c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || upper && c >= 'A' && c <= 'Z' || c == '.' || c == '-' || c == '_' || c == '~'
                    || c == '+' || slashes && c == '/' && previous != '/';
            if (!ok) {
                return false;
            }
            previous = c;
        }
        return previous != '/';
    }

    /** Printable ASCII without the characters that would need encoding or mean another part. */
    private static boolean plainVersion(String s, int from, int to) {
        if (from >= to) {
            return false;
        }
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c <= ' ' || c >= 0x7f || c == '%' || c == '#' || c == '/' || c == '?' || c == '@' || c == '&' || c == '='
                    || c == '\\') {
                return false;
            }
        }
        return true;
    }

    /** {@code key=value&...} with lowercase keys and plain, non-empty values, each key once; else null. */
    private static Map<String, String> qualifiers(String s, int from, int to) {
        if (from >= to) {
            return null;
        }
        Map<String, String> qualifiers = new HashMap<>(4);
        int start = from;
        while (start < to) {
            int end = s.indexOf('&', start);
            if (end < 0) {
                end = to;
            }
            int equals = s.indexOf('=', start);
            if (equals <= start || equals >= end - 1) {
                return null;
            }
            for (int i = start; i < equals; i++) {
                char c = s.charAt(i);
                if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '.' || c == '-' || c == '_')) {
                    return null;
                }
            }
            if (!plainVersion(s, equals + 1, end) && !plainValue(s, equals + 1, end)) {
                return null;
            }
            if (qualifiers.put(s.substring(start, equals), s.substring(equals + 1, end)) != null) {
                return null;
            }
            start = end + 1;
            if (start == to) {
                return null;
            }
        }
        return qualifiers;
    }

    /** A qualifier value may hold {@code /} (a distro path, a repository URL) but nothing else unusual. */
    private static boolean plainValue(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c <= ' ' || c >= 0x7f || c == '%' || c == '#' || c == '?' || c == '@' || c == '&' || c == '='
                    || c == '\\') {
                return false;
            }
        }
        return true;
    }
}
