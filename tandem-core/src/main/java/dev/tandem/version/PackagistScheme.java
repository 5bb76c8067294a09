package dev.tandem.version;

/**
 * Packagist ordering as PHP's {@code version_compare} (php-src ext/standard/versioning.c:
 * {@code php_canonicalize_version} and {@code php_version_compare}) after stripping leading
 * {@code v}/{@code V}, which is how OSV's Packagist fixtures are generated. Composer's own
 * constraint normalisation (VersionParser::normalize) is not applied.
 */
final class PackagistScheme implements VersionScheme {

    static final PackagistScheme INSTANCE = new PackagistScheme();

    private PackagistScheme() {
    }

    @Override
    public String name() {
        return "Packagist";
    }

    @Override
    public Version parse(String text) throws InvalidVersionException {
        VersionText.check(name(), text);
        if (text.isBlank()) {
            throw new InvalidVersionException(name(), text, "empty version");
        }
        int start = 0;
        while (start < text.length() && (text.charAt(start) == 'v' || text.charAt(start) == 'V')) {
            start++;
        }
        String canonical = canonicalize(text.substring(start));
        // PHP compares "1.0." below itself (an empty last part sorts below "#N#"); dropping trailing
        // separators keeps the order reflexive.
        int end = canonical.length();
        while (end > 1 && canonical.charAt(end - 1) == '.') {
            end--;
        }
        return new PhpVersion(text, Segments.of(canonical.substring(0, end)));
    }

    // php_canonicalize_version: [-_+] and other non-alphanumerics become '.', and a '.' is put
    // between a digit and a non-digit; never two dots in a row; the first character is kept as is.
    static String canonicalize(String v) {
        if (v.isEmpty()) {
            return v;
        }
        StringBuilder q = new StringBuilder(v.length() * 2);
        char lp = v.charAt(0);
        q.append(lp);
        for (int i = 1; i < v.length(); i++) {
            char p = v.charAt(i);
            char lq = q.charAt(q.length() - 1);
            if (p == '-' || p == '_' || p == '+') {
                if (lq != '.') {
                    q.append('.');
                }
            } else if ((isNonDigit(lp) && isDigit(p)) || (isDigit(lp) && isNonDigit(p))) {
                if (lq != '.') {
                    q.append('.');
                }
                q.append(p);
            } else if (!isAlnum(p)) {
                if (lq != '.') {
                    q.append('.');
                }
            } else {
                q.append(p);
            }
            lp = p;
        }
        return q.toString();
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isNonDigit(char c) {
        return !isDigit(c) && c != '.';
    }

    private static boolean isAlnum(char c) {
        return isDigit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    /** A canonical version split at dots, each part pre-classified for {@code php_version_compare}. */
    record Segments(String[] parts, long[] numbers, int[] forms) {
        static final Segments NUMBER_SIGN = of("#N#");

        static Segments of(String canonical) {
            String[] parts = canonical.split("\\.", -1);
            long[] numbers = new long[parts.length];
            int[] forms = new int[parts.length];
            for (int i = 0; i < parts.length; i++) {
                String p = parts[i];
                numbers[i] = strtol(p);
                forms[i] = specialForm(p);
            }
            return new Segments(parts, numbers, forms);
        }

        boolean digitAt(int i) {
            return !parts[i].isEmpty() && isDigit(parts[i].charAt(0));
        }

        /** Whether the text from part i onward is empty (C's {@code *p == '\0'}). */
        boolean restEmpty(int i) {
            return i >= parts.length || (i == parts.length - 1 && parts[i].isEmpty());
        }

        private static long strtol(String p) {
            long v = 0;
            for (int i = 0; i < p.length() && isDigit(p.charAt(i)); i++) {
                int d = p.charAt(i) - '0';
                v = v > (Long.MAX_VALUE - d) / 10 ? Long.MAX_VALUE : v * 10 + d;
            }
            return v;
        }

        // compare_special_version_forms: the first name the part starts with; unknown is -1.
        private static int specialForm(String p) {
            String[] names = {"dev", "alpha", "a", "beta", "b", "RC", "rc", "#", "pl", "p"};
            int[] order = {0, 1, 1, 2, 2, 3, 3, 4, 5, 5};
            for (int i = 0; i < names.length; i++) {
                if (p.startsWith(names[i])) {
                    return order[i];
                }
            }
            return -1;
        }
    }

    static int compare(Segments a, int ai, Segments b, int bi) {
        if (a.restEmpty(ai) || b.restEmpty(bi)) {
            if (a.restEmpty(ai) && b.restEmpty(bi)) {
                return 0;
            }
            return a.restEmpty(ai) ? -1 : 1;
        }
        int i = ai;
        int j = bi;
        boolean more1 = true;
        boolean more2 = true;
        int compare = 0;
        while (!a.restEmpty(i) && !b.restEmpty(j) && more1 && more2) {
            more1 = i < a.parts().length - 1;
            more2 = j < b.parts().length - 1;
            boolean d1 = a.digitAt(i);
            boolean d2 = b.digitAt(j);
            if (d1 && d2) {
                compare = Long.compare(a.numbers()[i], b.numbers()[j]);
            } else if (!d1 && !d2) {
                compare = Integer.compare(a.forms()[i], b.forms()[j]);
            } else if (d1) {
                compare = Integer.compare(4, b.forms()[j]);
            } else {
                compare = Integer.compare(a.forms()[i], 4);
            }
            if (compare != 0) {
                break;
            }
            if (more1) {
                i++;
            }
            if (more2) {
                j++;
            }
        }
        if (compare == 0) {
            if (more1) {
                compare = a.digitAt(i) ? 1 : compare(a, i, Segments.NUMBER_SIGN, 0);
            } else if (more2) {
                compare = b.digitAt(j) ? -1 : compare(Segments.NUMBER_SIGN, 0, b, j);
            }
        }
        return Integer.signum(compare);
    }

    /** A parsed Packagist version. */
    record PhpVersion(String text, Segments segments) implements Version {
        @Override
        public int compareTo(Version other) {
            return compare(segments, 0, VersionCasts.same(this, other, PhpVersion.class).segments, 0);
        }

        @Override
        public String toString() {
            return text;
        }
    }
}
