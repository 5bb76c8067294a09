package dev.tandem.cpe;

/**
 * NISTIR 7696 6.1.3 ("compareStrings"): a source value with unquoted wildcards at either end
 * against a target value, both in canonical WFN form. A leading or trailing {@code *} stands for any
 * run of characters, each leading or trailing {@code ?} for at most one character; wildcards inside
 * a value are not wildcards (NISTIR 7695 forbids them there, and the parser refuses them).
 */
final class WildcardMatch {

    private WildcardMatch() {
    }

    static boolean matches(String source, String target) {
        int start = 0;
        int end = source.length();
        int begins = 0;
        int ends = 0;
        if (source.startsWith("*")) {
            start = 1;
            begins = -1;
        } else {
            while (start < end && source.charAt(start) == '?') {
                start++;
                begins++;
            }
        }
        if (end > start && source.charAt(end - 1) == '*' && unquotedAt(source, end - 1)) {
            end--;
            ends = -1;
        } else {
            while (end > start && source.charAt(end - 1) == '?' && unquotedAt(source, end - 1)) {
                end--;
                ends++;
            }
        }
        String core = source.substring(start, end);
        if (core.isEmpty()) {
            // Only wildcards: '*' matches anything; '?'s match up to that many characters.
            int length = characters(target, 0, target.length());
            return begins == -1 || ends == -1 || length <= Math.max(begins, 0) + Math.max(ends, 0);
        }
        int index = -1;
        while (true) {
            index = target.indexOf(core, index + 1);
            if (index < 0) {
                return false;
            }
            if (index > 0 && !unquotedAt(target, index) ) {
                continue; // the core would start in the middle of a quoted pair
            }
            int before = characters(target, 0, index);
            if (begins != -1 && before > begins) {
                return false; // later occurrences only have more characters before them
            }
            int after = characters(target, index + core.length(), target.length());
            if (ends != -1 && after > ends) {
                continue;
            }
            return true;
        }
    }

    /** True when the character at {@code at} is not the second half of a quoted pair. */
    private static boolean unquotedAt(String text, int at) {
        int backslashes = 0;
        for (int i = at - 1; i >= 0 && text.charAt(i) == '\\'; i--) {
            backslashes++;
        }
        return backslashes % 2 == 0;
    }

    /** How many WFN characters (a quoted pair counts once) lie in {@code [from, to)}. */
    private static int characters(String text, int from, int to) {
        int count = 0;
        for (int i = from; i < to; i++) {
            if (text.charAt(i) == '\\') {
                i++;
            }
            count++;
        }
        return count;
    }
}
