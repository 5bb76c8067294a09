package dev.tandem.version;

import java.util.ArrayList;
import java.util.List;

/**
 * A version ordered by SemVer 2.0 precedence (section 11): numeric major, minor, patch; a
 * prerelease sorts before its release; prerelease identifiers compare numerically when both are
 * numeric, numeric before alphanumeric, alphanumeric in ASCII order, more identifiers win;
 * build metadata is ignored.
 */
final class SemverVersion implements Version {

    private final String text;
    private final long[] core;
    /** Significant digits of each core number, only when one of them does not fit a long. */
    private final String[] hugeCore;
    private final String[] pre;
    /** Per prerelease identifier: its value when numeric and small, -1 alphanumeric, -2 huge numeric. */
    private final long[] preNumber;

    private SemverVersion(String text, long[] core, String[] hugeCore, String[] pre, long[] preNumber) {
        this.text = text;
        this.core = core;
        this.hugeCore = hugeCore;
        this.pre = pre;
        this.preNumber = preNumber;
    }

    static SemverVersion parse(String scheme, String text, SemverSyntax syntax) throws InvalidVersionException {
        VersionText.check(scheme, text);
        String s = text.strip();
        if (syntax.prefixEquals() && s.startsWith("=")) {
            s = s.substring(1).strip();
        }
        if (syntax.prefixV() && (s.startsWith("v") || s.startsWith("V"))) {
            s = s.substring(1);
        }
        if (s.isEmpty()) {
            throw new InvalidVersionException(scheme, text, "empty version");
        }
        int plus = s.indexOf('+');
        String build = plus < 0 ? null : s.substring(plus + 1);
        String main = plus < 0 ? s : s.substring(0, plus);
        int dash = main.indexOf('-');
        String preText = dash < 0 ? null : main.substring(dash + 1);
        String coreText = dash < 0 ? main : main.substring(0, dash);

        String[] coreParts = coreText.split("\\.", -1);
        if (coreParts.length > 3) {
            throw new InvalidVersionException(scheme, text, "more than three numeric parts");
        }
        if (coreParts.length < 3 && !syntax.shortForms()) {
            throw new InvalidVersionException(scheme, text, "expected MAJOR.MINOR.PATCH");
        }
        if (coreParts.length < 3 && (preText != null || build != null) && !syntax.shortWithPre()) {
            throw new InvalidVersionException(scheme, text, "a shortened version cannot carry a prerelease or build suffix");
        }
        long[] core = new long[3];
        String[] huge = null;
        for (int i = 0; i < coreParts.length; i++) {
            String part = coreParts[i];
            if (!DecimalDigits.isDigits(part)) {
                throw new InvalidVersionException(scheme, text, "\"" + part + "\" is not a number");
            }
            if (!syntax.leadingZeros() && part.length() > 1 && part.charAt(0) == '0') {
                throw new InvalidVersionException(scheme, text, "leading zero in \"" + part + "\"");
            }
            if (DecimalDigits.fitsLong(part)) {
                core[i] = Long.parseLong(part);
                if (syntax.maxNumber() >= 0 && core[i] > syntax.maxNumber()) {
                    throw new InvalidVersionException(scheme, text, part + " is larger than " + syntax.maxNumber());
                }
            } else {
                if (syntax.maxNumber() >= 0) {
                    throw new InvalidVersionException(scheme, text, part + " is larger than " + syntax.maxNumber());
                }
                if (huge == null) {
                    huge = new String[3];
                }
                core[i] = Long.MAX_VALUE;
            }
        }
        if (huge != null) {
            for (int i = 0; i < 3; i++) {
                huge[i] = i < coreParts.length ? DecimalDigits.significant(coreParts[i]) : "0";
            }
        }
        String[] pre = null;
        long[] preNumber = null;
        if (preText != null) {
            pre = identifiers(scheme, text, preText, "prerelease");
            preNumber = new long[pre.length];
            for (int i = 0; i < pre.length; i++) {
                String id = pre[i];
                if (DecimalDigits.isDigits(id)) {
                    if (!syntax.leadingZeros() && id.length() > 1 && id.charAt(0) == '0') {
                        throw new InvalidVersionException(scheme, text, "leading zero in prerelease identifier \"" + id + "\"");
                    }
                    preNumber[i] = DecimalDigits.fitsLong(id) ? Long.parseLong(id) : -2;
                } else {
                    preNumber[i] = -1;
                }
            }
        }
        if (build != null) {
            identifiers(scheme, text, build, "build");
        }
        return new SemverVersion(text, core, huge, pre, preNumber);
    }

    private static String[] identifiers(String scheme, String text, String dotted, String what)
            throws InvalidVersionException {
        List<String> ids = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= dotted.length(); i++) {
            if (i == dotted.length() || dotted.charAt(i) == '.') {
                String id = dotted.substring(start, i);
                if (id.isEmpty()) {
                    throw new InvalidVersionException(scheme, text, "empty " + what + " identifier");
                }
                for (int j = 0; j < id.length(); j++) {
                    char c = id.charAt(j);
                    boolean ok = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '-';
                    if (!ok) {
                        throw new InvalidVersionException(scheme, text, "character '" + c + "' in " + what + " identifier");
                    }
                }
                ids.add(id);
                start = i + 1;
            }
        }
        return ids.toArray(String[]::new);
    }

    @Override
    public String text() {
        return text;
    }

    @Override
    public int compareTo(Version other) {
        SemverVersion o = VersionCasts.same(this, other, SemverVersion.class);
        int c = compareCore(o);
        if (c != 0) {
            return c;
        }
        return comparePre(o);
    }

    private int compareCore(SemverVersion o) {
        if (hugeCore == null && o.hugeCore == null) {
            for (int i = 0; i < 3; i++) {
                if (core[i] != o.core[i]) {
                    return core[i] < o.core[i] ? -1 : 1;
                }
            }
            return 0;
        }
        for (int i = 0; i < 3; i++) {
            int c = DecimalDigits.compare(coreDigits(i), o.coreDigits(i));
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    private String coreDigits(int i) {
        return hugeCore != null ? hugeCore[i] : Long.toString(core[i]);
    }

    private int comparePre(SemverVersion o) {
        if (pre == null || o.pre == null) {
            return pre == null ? (o.pre == null ? 0 : 1) : -1;
        }
        int n = Math.min(pre.length, o.pre.length);
        for (int i = 0; i < n; i++) {
            long a = preNumber[i];
            long b = o.preNumber[i];
            int c;
            if (a >= 0 && b >= 0) {
                c = Long.compare(a, b);
            } else if (a != -1 && b != -1) {
                c = DecimalDigits.compare(pre[i], o.pre[i]);
            } else if (a != -1) {
                c = -1;
            } else if (b != -1) {
                c = 1;
            } else {
                c = pre[i].compareTo(o.pre[i]);
            }
            if (c != 0) {
                return c < 0 ? -1 : 1;
            }
        }
        return Integer.compare(pre.length, o.pre.length);
    }

    @Override
    public String toString() {
        return text;
    }
}
