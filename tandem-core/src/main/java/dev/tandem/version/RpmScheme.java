package dev.tandem.version;

/**
 * RPM ordering (Red Hat, Rocky Linux, AlmaLinux, SUSE, openSUSE, Mageia, openEuler, Azure Linux,
 * Photon OS): {@code [epoch:]version[-release]} split as rpm's {@code parseEVR} does (epoch =
 * leading digits before {@code :}, release after the last {@code -}), compared by epoch, then
 * {@code rpmvercmp} (rpm lib/rpmvercmp.c, with {@code ~} and {@code ^}) on version and release;
 * a missing release sorts before any release, as rpm's label comparison does.
 */
final class RpmScheme implements VersionScheme {

    static final RpmScheme INSTANCE = new RpmScheme();

    private RpmScheme() {
    }

    @Override
    public String name() {
        return "RPM";
    }

    @Override
    public Version parse(String text) throws InvalidVersionException {
        VersionText.check(name(), text);
        String s = text.strip();
        if (s.isEmpty()) {
            throw new InvalidVersionException(name(), text, "empty version");
        }
        for (int i = 0; i < s.length(); i++) {
            if (Character.isWhitespace(s.charAt(i))) {
                throw new InvalidVersionException(name(), text, "embedded whitespace");
            }
        }
        int d = 0;
        while (d < s.length() && s.charAt(d) >= '0' && s.charAt(d) <= '9') {
            d++;
        }
        String epoch = "0";
        String rest = s;
        if (d < s.length() && s.charAt(d) == ':') {
            epoch = d == 0 ? "0" : s.substring(0, d);
            rest = s.substring(d + 1);
        }
        String release = null;
        int hyphen = rest.lastIndexOf('-');
        String version = rest;
        if (hyphen >= 0) {
            version = rest.substring(0, hyphen);
            release = rest.substring(hyphen + 1);
        }
        return new RpmVersion(text, epoch, version, release);
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isAlpha(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static char at(String s, int i) {
        return i < s.length() ? s.charAt(i) : 0;
    }

    /** rpm's rpmvercmp. */
    static int rpmvercmp(String a, String b) {
        if (a.equals(b)) {
            return 0;
        }
        int one = 0;
        int two = 0;
        while (one < a.length() || two < b.length()) {
            while (one < a.length() && !isDigit(a.charAt(one)) && !isAlpha(a.charAt(one))
                    && a.charAt(one) != '~' && a.charAt(one) != '^') {
                one++;
            }
            while (two < b.length() && !isDigit(b.charAt(two)) && !isAlpha(b.charAt(two))
                    && b.charAt(two) != '~' && b.charAt(two) != '^') {
                two++;
            }
            char c1 = at(a, one);
            char c2 = at(b, two);
            if (c1 == '~' || c2 == '~') {
                if (c1 != '~') {
                    return 1;
                }
                if (c2 != '~') {
                    return -1;
                }
                one++;
                two++;
                continue;
            }
            if (c1 == '^' || c2 == '^') {
                if (c1 == 0) {
                    return -1;
                }
                if (c2 == 0) {
                    return 1;
                }
                if (c1 != '^') {
                    return 1;
                }
                if (c2 != '^') {
                    return -1;
                }
                one++;
                two++;
                continue;
            }
            if (c1 == 0 || c2 == 0) {
                break;
            }
            int end1 = one;
            int end2 = two;
            boolean isNum = isDigit(c1);
            if (isNum) {
                while (end1 < a.length() && isDigit(a.charAt(end1))) {
                    end1++;
                }
                while (end2 < b.length() && isDigit(b.charAt(end2))) {
                    end2++;
                }
            } else {
                while (end1 < a.length() && isAlpha(a.charAt(end1))) {
                    end1++;
                }
                while (end2 < b.length() && isAlpha(b.charAt(end2))) {
                    end2++;
                }
            }
            if (two == end2) {
                return isNum ? 1 : -1;
            }
            int rc = isNum ? compareDigits(a, one, end1, b, two, end2) : compareChars(a, one, end1, b, two, end2);
            if (rc != 0) {
                return rc;
            }
            one = end1;
            two = end2;
        }
        if (one >= a.length() && two >= b.length()) {
            return 0;
        }
        return one >= a.length() ? -1 : 1;
    }

    // Segments are compared in place: no substring per segment on the hot path.
    private static int compareDigits(String a, int from1, int to1, String b, int from2, int to2) {
        while (from1 < to1 && a.charAt(from1) == '0') {
            from1++;
        }
        while (from2 < to2 && b.charAt(from2) == '0') {
            from2++;
        }
        int len1 = to1 - from1;
        int len2 = to2 - from2;
        if (len1 != len2) {
            return len1 > len2 ? 1 : -1;
        }
        return compareChars(a, from1, to1, b, from2, to2);
    }

    private static int compareChars(String a, int from1, int to1, String b, int from2, int to2) {
        int n = Math.min(to1 - from1, to2 - from2);
        for (int k = 0; k < n; k++) {
            char x = a.charAt(from1 + k);
            char y = b.charAt(from2 + k);
            if (x != y) {
                return x < y ? -1 : 1;
            }
        }
        return Integer.compare(to1 - from1, to2 - from2);
    }

    /** A parsed RPM EVR; {@code release} is null when the text has no {@code -}. */
    record RpmVersion(String text, String epoch, String version, String release) implements Version {
        @Override
        public int compareTo(Version other) {
            RpmVersion o = VersionCasts.same(this, other, RpmVersion.class);
            int c = rpmvercmp(epoch, o.epoch);
            if (c != 0) {
                return c;
            }
            c = rpmvercmp(version, o.version);
            if (c != 0) {
                return c;
            }
            if (release == null || o.release == null) {
                return release == null ? (o.release == null ? 0 : -1) : 1;
            }
            return rpmvercmp(release, o.release);
        }

        @Override
        public String toString() {
            return text;
        }
    }
}
