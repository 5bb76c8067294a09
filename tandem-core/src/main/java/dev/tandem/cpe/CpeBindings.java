package dev.tandem.cpe;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Unbinding (NISTIR 7695 6.1.3 and 6.2.3): the formatted string and the URI to a {@link CpeName}.
 *
 * <p>Strict where the specification leaves no doubt (the number of attributes, the part, wildcards
 * only at either end of a value, well-formed percent-encoding, printable ASCII only). Lenient in two
 * places real SBOM generators get wrong and the meaning is still plain: punctuation the formatted
 * string should have quoted ({@code 1.0+build}) is read as that character, and a backslash before a
 * letter or digit ({@code \r}) is read as the letter itself. docs/adr/0006 says why Tandem parses
 * CPE names itself.
 */
final class CpeBindings {

    private static final String FS_PREFIX = "cpe:2.3:";
    private static final String URI_PREFIX = "cpe:/";

    private CpeBindings() {
    }

    static CpeName parse(String text) throws MalformedCpeException {
        if (text == null) {
            throw new MalformedCpeException("", "no name");
        }
        String name = text.strip();
        if (name.regionMatches(true, 0, FS_PREFIX, 0, FS_PREFIX.length())) {
            return formattedString(name);
        }
        if (name.regionMatches(true, 0, URI_PREFIX, 0, URI_PREFIX.length())) {
            return uri(name);
        }
        throw new MalformedCpeException(name, "expected \"cpe:2.3:\" (formatted string) or \"cpe:/\" (URI) at the start");
    }

    // ---- formatted string ------------------------------------------------------------------------

    private static CpeName formattedString(String name) throws MalformedCpeException {
        List<int[]> spans = new ArrayList<>(11);
        int start = FS_PREFIX.length();
        for (int i = start; i <= name.length(); i++) {
            if (i == name.length() || name.charAt(i) == ':') {
                spans.add(new int[] {start, i});
                start = i + 1;
            } else if (name.charAt(i) == '\\' && i + 1 < name.length()) {
                i++; // a quoted character, ':' included, belongs to the value
            }
        }
        if (spans.size() != 11) {
            throw new MalformedCpeException(name, "the formatted string has " + spans.size()
                    + " attributes after \"cpe:2.3:\", expected 11 (part, vendor, product, version, update, edition,"
                    + " language, sw_edition, target_sw, target_hw, other)");
        }
        CpePart part = part(name, name.substring(spans.get(0)[0], spans.get(0)[1]));
        CpeValue[] values = new CpeValue[10];
        for (int a = 0; a < 10; a++) {
            int[] span = spans.get(a + 1);
            values[a] = fsValue(name, span[0], span[1]);
        }
        return new CpeName(part, values[0], values[1], values[2], values[3], values[4], values[5], values[6], values[7],
                values[8], values[9]);
    }

    private static CpePart part(String name, String raw) throws MalformedCpeException {
        CpePart part = raw.length() == 1 ? CpePart.of(raw.charAt(0)) : null;
        if (part == null) {
            throw new MalformedCpeException(name, "part must be a (application), o (operating system) or h (hardware),"
                    + " found \"" + MalformedCpeException.shorten(raw) + "\"");
        }
        return part;
    }

    private static CpeValue fsValue(String name, int from, int to) throws MalformedCpeException {
        int length = to - from;
        if (length == 0) {
            throw new MalformedCpeException(name, "empty attribute at character " + (from + 1)
                    + " (the formatted string writes * for ANY and - for NA)");
        }
        if (length == 1 && name.charAt(from) == '*') {
            return CpeValue.ANY;
        }
        if (length == 1 && name.charAt(from) == '-') {
            return CpeValue.NA;
        }
        StringBuilder wfn = new StringBuilder(length + 8);
        for (int i = from; i < to; i++) {
            char c = name.charAt(i);
            if (c == '\\') {
                if (i + 1 >= to) {
                    throw new MalformedCpeException(name, "a lone backslash ends the attribute at character " + (i + 1));
                }
                char quoted = lower(name, name.charAt(++i), i);
                CpeValue.appendQuoted(wfn, quoted);
            } else if (c == '*' || c == '?') {
                wildcard(name, c, i, from, to);
                wfn.append(c);
            } else {
                CpeValue.appendQuoted(wfn, lower(name, c, i));
            }
        }
        return new CpeValue(CpeValue.Kind.VALUE, wfn.toString());
    }

    /** Unquoted {@code *} and {@code ?} may only start or end a value (a run of {@code ?}, one {@code *}). */
    private static void wildcard(String name, char c, int at, int from, int to) throws MalformedCpeException {
        boolean leading = true;
        for (int i = from; i < at; i++) {
            if (name.charAt(i) != '?' || c != '?') {
                leading = false;
                break;
            }
        }
        boolean trailing = true;
        for (int i = at + 1; i < to; i++) {
            if (name.charAt(i) != '?' || c != '?') {
                trailing = false;
                break;
            }
        }
        if (!leading && !trailing) {
            throw new MalformedCpeException(name, "unquoted " + c + " inside a value at character " + (at + 1)
                    + " (a wildcard may only start or end a value; quote it as \\" + c + ")");
        }
    }

    private static char lower(String name, char c, int at) throws MalformedCpeException {
        if (c <= 0x20 || c >= 0x7F) {
            throw new MalformedCpeException(name, String.format(Locale.ROOT,
                    "character U+%04X at character %d is not allowed (a CPE name is printable ASCII without spaces)",
                    (int) c, at + 1));
        }
        return Character.toLowerCase(c);
    }

    // ---- URI (CPE 2.2) ---------------------------------------------------------------------------

    private static CpeName uri(String name) throws MalformedCpeException {
        String body = name.substring(URI_PREFIX.length());
        String[] parts = body.split(":", -1);
        if (parts.length > 7) {
            throw new MalformedCpeException(name, "the URI has " + parts.length
                    + " components after \"cpe:/\", at most 7 (part, vendor, product, version, update, edition, language)");
        }
        String partText = parts[0];
        CpePart part = partText.isEmpty() ? CpePart.ANY : part(name, partText);
        CpeValue[] values = new CpeValue[10];
        java.util.Arrays.fill(values, CpeValue.ANY);
        for (int c = 1; c < parts.length; c++) {
            if (c == 5 && parts[c].startsWith("~")) {
                unpackEdition(name, parts[c], values);
            } else {
                values[c - 1] = uriValue(name, parts[c]);
            }
        }
        return new CpeName(part, values[0], values[1], values[2], values[3], values[4], values[5], values[6], values[7],
                values[8], values[9]);
    }

    /** {@code ~edition~sw_edition~target_sw~target_hw~other} (NISTIR 7695 6.1.3.3). */
    private static void unpackEdition(String name, String packed, CpeValue[] values) throws MalformedCpeException {
        String[] fields = packed.substring(1).split("~", -1);
        if (fields.length != 5) {
            throw new MalformedCpeException(name, "a packed edition (starting with ~) needs 5 fields"
                    + " (edition, sw_edition, target_sw, target_hw, other), found " + fields.length);
        }
        values[4] = uriValue(name, fields[0]);
        values[6] = uriValue(name, fields[1]);
        values[7] = uriValue(name, fields[2]);
        values[8] = uriValue(name, fields[3]);
        values[9] = uriValue(name, fields[4]);
    }

    private static CpeValue uriValue(String name, String raw) throws MalformedCpeException {
        if (raw.isEmpty()) {
            return CpeValue.ANY;
        }
        if (raw.equals("-")) {
            return CpeValue.NA;
        }
        StringBuilder wfn = new StringBuilder(raw.length() + 8);
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                if (i + 2 >= raw.length()) {
                    throw new MalformedCpeException(name, "a % not followed by two hexadecimal digits in \"" + raw + "\"");
                }
                int value = hex(name, raw, i);
                i += 2;
                if (value == 0x01 || value == 0x02) {
                    char wildcard = value == 0x01 ? '?' : '*';
                    if (!uriWildcardAtEnd(raw, i - 2, wildcard)) {
                        throw new MalformedCpeException(name, "the wildcard %0" + value
                                + " may only start or end a value, found inside \"" + raw + "\"");
                    }
                    wfn.append(wildcard);
                } else {
                    CpeValue.appendQuoted(wfn, lower(name, (char) value, i));
                }
            } else {
                CpeValue.appendQuoted(wfn, lower(name, c, i));
            }
        }
        return new CpeValue(CpeValue.Kind.VALUE, wfn.toString());
    }

    private static int hex(String name, String raw, int at) throws MalformedCpeException {
        int high = Character.digit(raw.charAt(at + 1), 16);
        int low = Character.digit(raw.charAt(at + 2), 16);
        if (high < 0 || low < 0) {
            throw new MalformedCpeException(name, "a % not followed by two hexadecimal digits in \"" + raw + "\"");
        }
        return high * 16 + low;
    }

    /** A URI wildcard ({@code %01} runs, one {@code %02}) at the start or the end of the raw value. */
    private static boolean uriWildcardAtEnd(String raw, int at, char wildcard) {
        String code = wildcard == '?' ? "%01" : "%02";
        int before = at;
        while (before >= 3 && raw.startsWith(code, before - 3) && wildcard == '?') {
            before -= 3;
        }
        int after = at + 3;
        while (after + 3 <= raw.length() && raw.startsWith(code, after) && wildcard == '?') {
            after += 3;
        }
        return before == 0 || after == raw.length();
    }
}
