package dev.tandem.cpe;

import java.util.Objects;

/**
 * One attribute of a CPE name as a well-formed name (WFN, NISTIR 7695 section 5) holds it: the
 * logical value ANY ({@code *}), the logical value NA ({@code -}), or a value. Values are kept in
 * one canonical form so that equal values are equal strings whatever binding they were read from:
 * lower case, every character other than a letter, a digit or {@code _} quoted with a backslash
 * ({@code 1\.0\.2k}, {@code archer_c5_\(1\.2\)_firmware}), except the unquoted wildcards {@code *}
 * and {@code ?} a match criterion may carry at either end.
 *
 * @param wfn the canonical value; "*" for ANY and "-" for NA
 */
public record CpeValue(Kind kind, String wfn) {

    /** ANY, NA or a value. */
    public enum Kind { ANY, NA, VALUE }

    /** The logical value ANY: any value, or not stated. */
    public static final CpeValue ANY = new CpeValue(Kind.ANY, "*");

    /** The logical value NA: the attribute does not apply (hardware has no version). */
    public static final CpeValue NA = new CpeValue(Kind.NA, "-");

    public CpeValue {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(wfn, "wfn");
        if (kind == Kind.VALUE && wfn.isEmpty()) {
            throw new IllegalArgumentException("an empty CPE value is ANY, not a value");
        }
    }

    /** A value from plain text (not quoted): {@code 1.0.2k} becomes {@code 1\.0\.2k}; no wildcards. */
    public static CpeValue of(String plain) {
        Objects.requireNonNull(plain, "plain");
        if (plain.isEmpty() || plain.equals("*")) {
            return ANY;
        }
        if (plain.equals("-")) {
            return NA;
        }
        StringBuilder wfn = new StringBuilder(plain.length() + 8);
        for (int i = 0; i < plain.length(); i++) {
            appendQuoted(wfn, Character.toLowerCase(plain.charAt(i)));
        }
        return new CpeValue(Kind.VALUE, wfn.toString());
    }

    static void appendQuoted(StringBuilder wfn, char c) {
        if (!isUnquoted(c)) {
            wfn.append('\\');
        }
        wfn.append(c);
    }

    /** Letters, digits and underscore stand unquoted in a WFN value; everything else is quoted. */
    static boolean isUnquoted(char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
    }

    public boolean isAny() {
        return kind == Kind.ANY;
    }

    public boolean isNa() {
        return kind == Kind.NA;
    }

    public boolean isValue() {
        return kind == Kind.VALUE;
    }

    /** The value as text, quoting removed ({@code 1.0.2k}); "*" for ANY and "-" for NA. */
    public String plain() {
        if (kind != Kind.VALUE || wfn.indexOf('\\') < 0) {
            return wfn;
        }
        StringBuilder text = new StringBuilder(wfn.length());
        for (int i = 0; i < wfn.length(); i++) {
            char c = wfn.charAt(i);
            if (c == '\\' && i + 1 < wfn.length()) {
                c = wfn.charAt(++i);
            }
            text.append(c);
        }
        return text.toString();
    }

    /** True when the value carries an unquoted {@code *} or {@code ?} (only match criteria may). */
    public boolean hasWildcards() {
        // Most values have neither character: two intrinsic scans decide them without the loop.
        if (kind != Kind.VALUE || (wfn.indexOf('*') < 0 && wfn.indexOf('?') < 0)) {
            return false;
        }
        for (int i = 0; i < wfn.length(); i++) {
            char c = wfn.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '*' || c == '?') {
                return true;
            }
        }
        return false;
    }

    /**
     * The formatted-string binding of the value (NISTIR 7695 6.2.2): {@code .}, {@code -} and
     * {@code _} unquoted, every other special character quoted ({@code archer_c5_\(1.2\)_firmware}).
     */
    public String formatted() {
        if (kind != Kind.VALUE) {
            return wfn;
        }
        StringBuilder text = new StringBuilder(wfn.length());
        for (int i = 0; i < wfn.length(); i++) {
            char c = wfn.charAt(i);
            if (c == '\\' && i + 1 < wfn.length()) {
                char quoted = wfn.charAt(++i);
                if (quoted != '.' && quoted != '-' && quoted != '_') {
                    text.append('\\');
                }
                text.append(quoted);
            } else {
                text.append(c);
            }
        }
        return text.toString();
    }

    /**
     * True when this value, as a match criterion's (source) attribute, matches {@code target}'s
     * (NISTIR 7696 section 6.1 for values; wildcards only at either end of the source). ANY in the
     * source matches everything; NA matches NA; a value matches an equal value.
     */
    public boolean covers(CpeValue target) {
        return switch (kind) {
            case ANY -> true;
            case NA -> target.kind == Kind.NA;
            case VALUE -> target.kind == Kind.VALUE
                    && (hasWildcards() ? WildcardMatch.matches(wfn, target.wfn) : wfn.equals(target.wfn));
        };
    }

    @Override
    public String toString() {
        return formatted();
    }
}
