package dev.tandem.version;

/**
 * Arbitrary-length unsigned decimal numbers held as their digit text, so "999…9" with thirty
 * digits still orders correctly where a {@code long} would overflow.
 */
final class DecimalDigits {

    /** Numbers with at most this many significant digits fit a {@code long}. */
    static final int LONG_DIGITS = 18;

    private DecimalDigits() {
    }

    static boolean isDigits(CharSequence s, int from, int to) {
        if (from >= to) {
            return false;
        }
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    static boolean isDigits(String s) {
        return isDigits(s, 0, s.length());
    }

    /** The digits without leading zeros ("0" for all zeros). */
    static String significant(String digits) {
        int i = 0;
        while (i < digits.length() - 1 && digits.charAt(i) == '0') {
            i++;
        }
        return digits.substring(i);
    }

    /** Whether the number fits a long (at most 18 significant digits). */
    static boolean fitsLong(String digits) {
        return significant(digits).length() <= LONG_DIGITS;
    }

    /** Compares two digit strings as numbers, ignoring leading zeros. */
    static int compare(String a, String b) {
        String x = significant(a);
        String y = significant(b);
        if (x.length() != y.length()) {
            return Integer.compare(x.length(), y.length());
        }
        return Integer.signum(x.compareTo(y));
    }
}
