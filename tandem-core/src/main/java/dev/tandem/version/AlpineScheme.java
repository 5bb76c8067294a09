package dev.tandem.version;

import java.util.Arrays;

/**
 * Alpine (apk-tools) ordering, reproducing apk-tools 2.x src/version.c ({@code get_token},
 * {@code next_token}, {@code apk_version_compare_blob}): digits, one optional letter, suffixes
 * {@code _alpha _beta _pre _rc} (before the release) and {@code _cvs _svn _git _hg _p} (after),
 * each with an optional number, then {@code -rN}. Leading zeros in a dotted part compare by
 * their count; versions apk considers invalid are rejected. Also used for Wolfi, Chainguard and
 * MinimOS, which use apk.
 */
final class AlpineScheme implements VersionScheme {

    static final AlpineScheme INSTANCE = new AlpineScheme();

    static final int INVALID = -1;
    static final int DIGIT_OR_ZERO = 0;
    static final int DIGIT = 1;
    static final int LETTER = 2;
    static final int SUFFIX = 3;
    static final int SUFFIX_NO = 4;
    static final int REVISION_NO = 5;
    static final int END = 6;

    private static final String[] PRE_SUFFIXES = {"alpha", "beta", "pre", "rc"};
    private static final String[] POST_SUFFIXES = {"cvs", "svn", "git", "hg", "p"};

    private AlpineScheme() {
    }

    @Override
    public String name() {
        return "Alpine";
    }

    @Override
    public Version parse(String text) throws InvalidVersionException {
        VersionText.check(name(), text);
        if (text.isEmpty()) {
            throw new InvalidVersionException(name(), text, "empty version");
        }
        Tokens t = tokenize(text);
        if (t.types[t.count] != END) {
            throw new InvalidVersionException(name(), text, "not an apk version (digits, optional letter, _suffix, -rN)");
        }
        return new ApkVersion(text, t);
    }

    /**
     * The token stream: value {@code values[k]} was read as type {@code types[k]};
     * {@code types[count]} is the final type (END or INVALID).
     */
    record Tokens(int[] types, long[] values, int count) {
    }

    private static final class Cursor {
        final String s;
        int pos;

        Cursor(String s) {
            this.s = s;
        }

        int len() {
            return s.length() - pos;
        }

        char c(int k) {
            return pos + k < s.length() ? s.charAt(pos + k) : 0;
        }
    }

    static Tokens tokenize(String s) {
        int[] types = new int[8];
        long[] values = new long[8];
        int count = 0;
        Cursor b = new Cursor(s);
        int[] type = {DIGIT};
        while (type[0] != END && type[0] != INVALID) {
            if (count + 1 >= types.length) {
                types = Arrays.copyOf(types, types.length * 2);
                values = Arrays.copyOf(values, values.length * 2);
            }
            types[count] = type[0];
            values[count] = getToken(type, b);
            count++;
        }
        if (count + 1 > types.length) {
            types = Arrays.copyOf(types, count + 1);
        }
        types[count] = type[0];
        return new Tokens(types, values, count);
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static void nextToken(int[] type, Cursor b) {
        int n = INVALID;
        if (b.len() == 0 || b.c(0) == 0) {
            n = END;
        } else if ((type[0] == DIGIT || type[0] == DIGIT_OR_ZERO) && b.c(0) >= 'a' && b.c(0) <= 'z') {
            n = LETTER;
        } else if (type[0] == LETTER && isDigit(b.c(0))) {
            n = DIGIT;
        } else if (type[0] == SUFFIX && isDigit(b.c(0))) {
            n = SUFFIX_NO;
        } else {
            switch (b.c(0)) {
                case '.' -> n = DIGIT_OR_ZERO;
                case '_' -> n = SUFFIX;
                case '-' -> {
                    if (b.len() > 1 && b.c(1) == 'r') {
                        n = REVISION_NO;
                        b.pos++;
                    } else {
                        n = INVALID;
                    }
                }
                default -> n = INVALID;
            }
            b.pos++;
        }
        if (n < type[0]) {
            if (!((n == DIGIT_OR_ZERO && type[0] == DIGIT)
                    || (n == SUFFIX && type[0] == SUFFIX_NO)
                    || (n == DIGIT && type[0] == LETTER))) {
                n = INVALID;
            }
        }
        type[0] = n;
    }

    private static long getToken(int[] type, Cursor b) {
        long v = 0;
        int i = 0;
        int nt = INVALID;
        if (b.len() <= 0) {
            type[0] = END;
            return 0;
        }
        switch (type[0]) {
            case DIGIT_OR_ZERO, DIGIT, SUFFIX_NO, REVISION_NO -> {
                if (type[0] == DIGIT_OR_ZERO && b.c(0) == '0') {
                    while (i < b.len() && b.c(i) == '0') {
                        i++;
                    }
                    nt = DIGIT;
                    v = -i;
                } else {
                    while (i < b.len() && isDigit(b.c(i))) {
                        v = v > (Long.MAX_VALUE - 9) / 10 ? Long.MAX_VALUE : v * 10 + (b.c(i) - '0');
                        i++;
                    }
                }
            }
            case LETTER -> v = b.c(i++);
            case SUFFIX -> {
                int k = matchSuffix(PRE_SUFFIXES, b);
                if (k >= 0) {
                    i = PRE_SUFFIXES[k].length();
                    v = k - PRE_SUFFIXES.length;
                } else {
                    k = matchSuffix(POST_SUFFIXES, b);
                    if (k < 0) {
                        type[0] = INVALID;
                        return -1;
                    }
                    i = POST_SUFFIXES[k].length();
                    v = k;
                }
            }
            default -> {
                type[0] = INVALID;
                return -1;
            }
        }
        b.pos += i;
        if (b.len() == 0) {
            type[0] = END;
        } else if (nt != INVALID) {
            type[0] = nt;
        } else {
            nextToken(type, b);
        }
        return v;
    }

    private static int matchSuffix(String[] suffixes, Cursor b) {
        for (int k = 0; k < suffixes.length; k++) {
            if (b.s.startsWith(suffixes[k], b.pos)) {
                return k;
            }
        }
        return -1;
    }

    /** apk_version_compare_blob on pre-tokenised versions. */
    static int compare(Tokens a, Tokens b) {
        int at = DIGIT;
        int bt = DIGIT;
        long av = 0;
        long bv = 0;
        int k = 0;
        while (at == bt && at != END && at != INVALID && av == bv) {
            av = a.values[k];
            at = a.types[k + 1];
            bv = b.values[k];
            bt = b.types[k + 1];
            k++;
        }
        if (av < bv) {
            return -1;
        }
        if (av > bv) {
            return 1;
        }
        if (at == bt) {
            return 0;
        }
        // k is the index of each side's next, unread token
        if (at == SUFFIX && a.values[k] < 0) {
            return -1;
        }
        if (bt == SUFFIX && b.values[k] < 0) {
            return 1;
        }
        if (at > bt) {
            return -1;
        }
        if (bt > at) {
            return 1;
        }
        return 0;
    }

    /** A parsed apk version. */
    record ApkVersion(String text, Tokens tokens) implements Version {
        @Override
        public int compareTo(Version other) {
            return compare(tokens, VersionCasts.same(this, other, ApkVersion.class).tokens);
        }

        @Override
        public String toString() {
            return text;
        }
    }
}
