package dev.tandem.version;

/**
 * dpkg ordering (Debian and Ubuntu): {@code [epoch:]upstream[-revision]} as dpkg's
 * {@code parseversion} splits it (lib/dpkg/parsehelp.c), compared by epoch then
 * {@code verrevcmp} on upstream and revision (lib/dpkg/version.c): {@code ~} sorts before
 * everything, even the end of the string; letters before other characters; digit runs
 * numerically. Versions dpkg would warn about (bad characters, no leading digit) are rejected.
 */
final class DebianScheme implements VersionScheme {

    static final DebianScheme DEBIAN = new DebianScheme("Debian");
    static final DebianScheme UBUNTU = new DebianScheme("Ubuntu");

    private final String name;

    private DebianScheme(String name) {
        this.name = name;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Version parse(String text) throws InvalidVersionException {
        VersionText.check(name, text);
        String s = text.strip();
        if (s.isEmpty()) {
            throw new InvalidVersionException(name, text, "empty version");
        }
        for (int i = 0; i < s.length(); i++) {
            if (Character.isWhitespace(s.charAt(i))) {
                throw new InvalidVersionException(name, text, "embedded whitespace");
            }
        }
        long epoch = 0;
        int colon = s.indexOf(':');
        String rest = s;
        if (colon >= 0) {
            String e = s.substring(0, colon);
            if (e.isEmpty()) {
                throw new InvalidVersionException(name, text, "epoch is empty");
            }
            if (!DecimalDigits.isDigits(e)) {
                throw new InvalidVersionException(name, text, "epoch is not a number");
            }
            if (DecimalDigits.compare(e, Integer.toString(Integer.MAX_VALUE)) > 0) {
                throw new InvalidVersionException(name, text, "epoch is too big");
            }
            epoch = Long.parseLong(e);
            rest = s.substring(colon + 1);
        }
        String upstream = rest;
        String revision = "";
        int hyphen = rest.lastIndexOf('-');
        if (hyphen >= 0) {
            upstream = rest.substring(0, hyphen);
            // "1.0-" keeps an empty revision, which orders like none (Dpkg_Version.t: "0foo- = 0foo")
            revision = rest.substring(hyphen + 1);
        }
        if (upstream.isEmpty()) {
            throw new InvalidVersionException(name, text, "upstream version is empty");
        }
        if (!Character.isDigit(upstream.charAt(0)) || upstream.charAt(0) > '9') {
            throw new InvalidVersionException(name, text, "upstream version does not start with a digit");
        }
        for (int i = 0; i < upstream.length(); i++) {
            char c = upstream.charAt(i);
            if (!isAsciiAlnum(c) && ".-+~:".indexOf(c) < 0) {
                throw new InvalidVersionException(name, text, "character '" + c + "' in upstream version");
            }
        }
        for (int i = 0; i < revision.length(); i++) {
            char c = revision.charAt(i);
            if (!isAsciiAlnum(c) && ".+~".indexOf(c) < 0) {
                throw new InvalidVersionException(name, text, "character '" + c + "' in revision");
            }
        }
        return new DpkgVersion(text, epoch, upstream, revision);
    }

    private static boolean isAsciiAlnum(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static int order(char c) {
        if (isDigit(c)) {
            return 0;
        }
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
            return c;
        }
        if (c == '~') {
            return -1;
        }
        return c == 0 ? 0 : c + 256;
    }

    private static char at(String s, int i) {
        return i < s.length() ? s.charAt(i) : 0;
    }

    /** dpkg's verrevcmp. */
    static int verrevcmp(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() || j < b.length()) {
            int firstDiff = 0;
            while ((i < a.length() && !isDigit(a.charAt(i))) || (j < b.length() && !isDigit(b.charAt(j)))) {
                int ac = order(at(a, i));
                int bc = order(at(b, j));
                if (ac != bc) {
                    return Integer.signum(ac - bc);
                }
                i++;
                j++;
            }
            while (at(a, i) == '0') {
                i++;
            }
            while (at(b, j) == '0') {
                j++;
            }
            while (isDigit(at(a, i)) && isDigit(at(b, j))) {
                if (firstDiff == 0) {
                    firstDiff = at(a, i) - at(b, j);
                }
                i++;
                j++;
            }
            if (isDigit(at(a, i))) {
                return 1;
            }
            if (isDigit(at(b, j))) {
                return -1;
            }
            if (firstDiff != 0) {
                return Integer.signum(firstDiff);
            }
        }
        return 0;
    }

    /** A parsed dpkg version. */
    record DpkgVersion(String text, long epoch, String upstream, String revision) implements Version {
        @Override
        public int compareTo(Version other) {
            DpkgVersion o = VersionCasts.same(this, other, DpkgVersion.class);
            if (epoch != o.epoch) {
                return epoch < o.epoch ? -1 : 1;
            }
            int c = verrevcmp(upstream, o.upstream);
            return c != 0 ? c : verrevcmp(revision, o.revision);
        }

        @Override
        public String toString() {
            return text;
        }
    }
}
