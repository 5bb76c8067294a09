package dev.tandem.version;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PyPI ordering as pypa/packaging computes it: PEP 440 versions by {@code _cmpkey}
 * (packaging/version.py), and non-PEP-440 strings as packaging 21.x {@code LegacyVersion} did
 * ({@code _legacy_cmpkey}: epoch -1, so every legacy version sorts before every PEP 440 one).
 * packaging 22+ rejects legacy strings outright; keeping the 21.x order means an old release
 * named "2004d" or "1.0-SNAPSHOT" is still ordered instead of silently dropped.
 */
final class PypiScheme implements VersionScheme {

    static final PypiScheme INSTANCE = new PypiScheme();

    // VERSION_PATTERN from packaging/version.py, matched case-insensitively with surrounding whitespace.
    private static final Pattern PEP440 = Pattern.compile(
            "^\\s*v?(?:(?:(?<epoch>[0-9]+)!)?(?<release>[0-9]+(?:\\.[0-9]+)*)"
                    + "(?<pre>[-_.]?(?<prel>alpha|a|beta|b|preview|pre|c|rc)[-_.]?(?<pren>[0-9]+)?)?"
                    + "(?<post>(?:-(?<postn1>[0-9]+))|(?:[-_.]?(?<postl>post|rev|r)[-_.]?(?<postn2>[0-9]+)?))?"
                    + "(?<dev>[-_.]?(?<devl>dev)[-_.]?(?<devn>[0-9]+)?)?)"
                    + "(?:\\+(?<local>[a-z0-9]+(?:[-_.][a-z0-9]+)*))?\\s*$",
            Pattern.CASE_INSENSITIVE);

    private PypiScheme() {
    }

    @Override
    public String name() {
        return "PyPI";
    }

    @Override
    public Version parse(String text) throws InvalidVersionException {
        VersionText.check(name(), text);
        Matcher m = PEP440.matcher(text);
        if (m.matches()) {
            return pep440(text, m);
        }
        if (text.isBlank()) {
            throw new InvalidVersionException(name(), text, "empty version");
        }
        return new LegacyPypiVersion(text, legacyKey(text));
    }

    private PypiVersion pep440(String text, Matcher m) throws InvalidVersionException {
        long epoch = m.group("epoch") == null ? 0 : number(text, m.group("epoch"));
        String[] rel = m.group("release").split("\\.");
        int len = rel.length;
        long[] release = new long[len];
        for (int i = 0; i < len; i++) {
            release[i] = number(text, rel[i]);
        }
        while (len > 0 && release[len - 1] == 0) {
            len--;
        }
        long[] trimmed = java.util.Arrays.copyOf(release, len);

        int preKind;
        long preNumber = 0;
        boolean hasPost = m.group("post") != null;
        boolean hasDev = m.group("dev") != null;
        if (m.group("pre") != null) {
            String l = m.group("prel").toLowerCase(Locale.ROOT);
            preKind = switch (l) {
                case "a", "alpha" -> PypiVersion.PRE_A;
                case "b", "beta" -> PypiVersion.PRE_B;
                default -> PypiVersion.PRE_RC;
            };
            preNumber = m.group("pren") == null ? 0 : number(text, m.group("pren"));
        } else if (!hasPost && hasDev) {
            preKind = PypiVersion.PRE_NEG_INFINITY;
        } else {
            preKind = PypiVersion.PRE_POS_INFINITY;
        }
        long post = -1;
        if (hasPost) {
            String n = m.group("postn1") != null ? m.group("postn1") : m.group("postn2");
            post = n == null ? 0 : number(text, n);
        }
        long dev = Long.MAX_VALUE;
        if (hasDev) {
            dev = m.group("devn") == null ? 0 : number(text, m.group("devn"));
        }
        String[] local = null;
        long[] localNumber = null;
        if (m.group("local") != null) {
            local = m.group("local").toLowerCase(Locale.ROOT).split("[-_.]");
            localNumber = new long[local.length];
            for (int i = 0; i < local.length; i++) {
                localNumber[i] = DecimalDigits.isDigits(local[i]) ? number(text, local[i]) : -1;
            }
        }
        return new PypiVersion(text, epoch, trimmed, preKind, preNumber, post, dev, local, localNumber);
    }

    private long number(String text, String digits) throws InvalidVersionException {
        if (!DecimalDigits.fitsLong(digits)) {
            throw new InvalidVersionException(name(), text, "number " + digits + " has more than 18 digits");
        }
        return Long.parseLong(digits);
    }

    // packaging 21.3 _legacy_version_component_re = (\d+ | [a-z]+ | \. | -), split keeping the
    // separators and the unmatched text between them; then _legacy_version_replacement_map.
    static String[] legacyKey(String text) {
        String s = text.toLowerCase(Locale.ROOT);
        List<String> raw = new ArrayList<>();
        int i = 0;
        int gap = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            int end = i;
            if (c >= '0' && c <= '9') {
                while (end < s.length() && s.charAt(end) >= '0' && s.charAt(end) <= '9') {
                    end++;
                }
            } else if (c >= 'a' && c <= 'z') {
                while (end < s.length() && s.charAt(end) >= 'a' && s.charAt(end) <= 'z') {
                    end++;
                }
            } else if (c == '.' || c == '-') {
                end = i + 1;
            } else {
                i++;
                continue;
            }
            if (gap < i) {
                raw.add(s.substring(gap, i));
            }
            raw.add(s.substring(i, end));
            i = end;
            gap = end;
        }
        if (gap < s.length()) {
            raw.add(s.substring(gap));
        }
        List<String> parts = new ArrayList<>();
        for (String r : raw) {
            String part = switch (r) {
                case "pre", "preview", "rc" -> "c";
                case "-" -> "final-";
                case "dev" -> "@";
                default -> r;
            };
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            String p = Character.isDigit(part.charAt(0)) && part.charAt(0) <= '9' ? zfill8(part) : "*" + part;
            add(parts, p);
        }
        add(parts, "*final");
        return parts.toArray(String[]::new);
    }

    private static void add(List<String> parts, String part) {
        if (part.startsWith("*")) {
            if (part.compareTo("*final") < 0) {
                while (!parts.isEmpty() && parts.getLast().equals("*final-")) {
                    parts.removeLast();
                }
            }
            while (!parts.isEmpty() && parts.getLast().equals("00000000")) {
                parts.removeLast();
            }
        }
        parts.add(part);
    }

    private static String zfill8(String digits) {
        return digits.length() >= 8 ? digits : "0".repeat(8 - digits.length()) + digits;
    }

    /** A PEP 440 version as packaging's {@code _cmpkey}: every field pre-computed for comparison. */
    static final class PypiVersion implements Version {
        static final int PRE_NEG_INFINITY = 0;
        static final int PRE_A = 1;
        static final int PRE_B = 2;
        static final int PRE_RC = 3;
        static final int PRE_POS_INFINITY = 4;

        private final String text;
        private final long epoch;
        private final long[] release;
        private final int preKind;
        private final long preNumber;
        private final long post;
        private final long dev;
        private final String[] local;
        private final long[] localNumber;

        PypiVersion(String text, long epoch, long[] release, int preKind, long preNumber, long post, long dev,
                    String[] local, long[] localNumber) {
            this.text = text;
            this.epoch = epoch;
            this.release = release;
            this.preKind = preKind;
            this.preNumber = preNumber;
            this.post = post;
            this.dev = dev;
            this.local = local;
            this.localNumber = localNumber;
        }

        @Override
        public String text() {
            return text;
        }

        @Override
        public int compareTo(Version other) {
            if (other instanceof LegacyPypiVersion) {
                return 1;
            }
            PypiVersion o = VersionCasts.same(this, other, PypiVersion.class);
            if (epoch != o.epoch) {
                return epoch < o.epoch ? -1 : 1;
            }
            int n = Math.min(release.length, o.release.length);
            for (int i = 0; i < n; i++) {
                if (release[i] != o.release[i]) {
                    return release[i] < o.release[i] ? -1 : 1;
                }
            }
            if (release.length != o.release.length) {
                return release.length < o.release.length ? -1 : 1;
            }
            if (preKind != o.preKind) {
                return preKind < o.preKind ? -1 : 1;
            }
            if (preNumber != o.preNumber) {
                return preNumber < o.preNumber ? -1 : 1;
            }
            if (post != o.post) {
                return post < o.post ? -1 : 1;
            }
            if (dev != o.dev) {
                return dev < o.dev ? -1 : 1;
            }
            return compareLocal(o);
        }

        // No local sorts first; numeric segments sort after alphanumeric ones; shorter prefix first.
        private int compareLocal(PypiVersion o) {
            if (local == null || o.local == null) {
                return local == null ? (o.local == null ? 0 : -1) : 1;
            }
            int n = Math.min(local.length, o.local.length);
            for (int i = 0; i < n; i++) {
                long a = localNumber[i];
                long b = o.localNumber[i];
                int c;
                if (a >= 0 && b >= 0) {
                    c = Long.compare(a, b);
                } else if (a >= 0) {
                    c = 1;
                } else if (b >= 0) {
                    c = -1;
                } else {
                    c = local[i].compareTo(o.local[i]);
                }
                if (c != 0) {
                    return c < 0 ? -1 : 1;
                }
            }
            return Integer.compare(local.length, o.local.length);
        }

        @Override
        public String toString() {
            return text;
        }
    }

    /** A non-PEP-440 string ordered by packaging 21.x {@code _legacy_cmpkey}. */
    record LegacyPypiVersion(String text, String[] key) implements Version {
        @Override
        public int compareTo(Version other) {
            if (other instanceof PypiVersion) {
                return -1;
            }
            String[] k = VersionCasts.same(this, other, LegacyPypiVersion.class).key;
            int n = Math.min(key.length, k.length);
            for (int i = 0; i < n; i++) {
                int c = key[i].compareTo(k[i]);
                if (c != 0) {
                    return c < 0 ? -1 : 1;
                }
            }
            return Integer.compare(key.length, k.length);
        }

        @Override
        public String toString() {
            return text;
        }
    }
}
