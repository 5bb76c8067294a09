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

    /**
     * {@code purl} in packageurl-java's canonical form ({@code PackageURL.canonicalize()}) when the
     * fast path reads it, else null: qualifiers sorted by key, and every byte of the namespace
     * segments, name, version and qualifier values outside {@code A-Z a-z 0-9 . _ ~ -}
     * percent-encoded in upper-case hex, as packageurl-java 1.5.0 writes them (PackageUrlPartsTest
     * compares both on the purl-spec suite and generated purls).
     */
    static String canonical(String purl) {
        PackageUrlParts parts = fast(purl);
        if (parts == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(purl.length() + 8).append("pkg:").append(parts.type).append('/');
        if (!parts.namespace.isEmpty()) {
            int start = 0;
            while (true) {
                int slash = parts.namespace.indexOf('/', start);
                encode(out, parts.namespace, start, slash < 0 ? parts.namespace.length() : slash);
                if (slash < 0) {
                    break;
                }
                out.append('/');
                start = slash + 1;
            }
            out.append('/');
        }
        encode(out, parts.name, 0, parts.name.length());
        if (parts.version != null) {
            out.append('@');
            encode(out, parts.version, 0, parts.version.length());
        }
        if (!parts.qualifiers.isEmpty()) {
            char separator = '?';
            for (Map.Entry<String, String> q : new java.util.TreeMap<>(parts.qualifiers).entrySet()) {
                out.append(separator).append(q.getKey()).append('=');
                encode(out, q.getValue(), 0, q.getValue().length());
                separator = '&';
            }
        }
        return out.toString();
    }

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    /** Appends {@code s[from, to)} percent-encoded; the fast path reads ASCII only (plain, plainVersion, plainValue). */
    private static void encode(StringBuilder out, String s, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '.' || c == '_' || c == '~'
                    || c == '-') {
                out.append(c);
            } else {
                out.append('%').append(HEX[(c >> 4) & 0xF]).append(HEX[c & 0xF]); // ASCII: one byte of UTF-8
            }
        }
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
                    || c == '\\' || uriRefuses(c)) {
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

    /** Characters java.net.URI, and so packageurl-java, refuses in a purl unless percent-encoded. */
    private static boolean uriRefuses(char c) {
        return c == '"' || c == '<' || c == '>' || c == '[' || c == ']' || c == '^' || c == '`' || c == '{' || c == '|'
                || c == '}';
    }

    /** A qualifier value may hold {@code /} (a distro path, a repository URL) but nothing else unusual. */
    private static boolean plainValue(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c <= ' ' || c >= 0x7f || c == '%' || c == '#' || c == '?' || c == '@' || c == '&' || c == '='
                    || c == '\\' || uriRefuses(c)) {
                return false;
            }
        }
        return true;
    }
}
