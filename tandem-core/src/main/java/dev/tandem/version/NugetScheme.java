package dev.tandem.version;

import java.util.Locale;

/**
 * NuGet ordering as NuGet.Versioning's {@code VersionComparer.Default}: up to four numeric parts
 * (missing ones are 0), a release sorts after its prereleases, release labels compare part by
 * part (both Int32 → numeric; numeric before text; text case-insensitively, OrdinalIgnoreCase),
 * more labels win, build metadata after {@code +} is ignored.
 */
final class NugetScheme implements VersionScheme {

    static final NugetScheme INSTANCE = new NugetScheme();

    private NugetScheme() {
    }

    @Override
    public String name() {
        return "NuGet";
    }

    @Override
    public Version parse(String text) throws InvalidVersionException {
        VersionText.check(name(), text);
        String s = text;
        int plus = s.indexOf('+');
        if (plus >= 0) {
            checkLabels(text, s.substring(plus + 1), "metadata");
            s = s.substring(0, plus);
        }
        String[] labels = null;
        int dash = s.indexOf('-');
        if (dash >= 0) {
            labels = checkLabels(text, s.substring(dash + 1), "release label");
            s = s.substring(0, dash);
        }
        String[] parts = s.split("\\.", -1);
        if (parts.length > 4) {
            throw new InvalidVersionException(name(), text, "more than four numeric parts");
        }
        int[] numbers = new int[4];
        for (int i = 0; i < parts.length; i++) {
            if (!DecimalDigits.isDigits(parts[i])) {
                throw new InvalidVersionException(name(), text, "\"" + parts[i] + "\" is not a number");
            }
            Long n = int32(parts[i]);
            if (n == null) {
                throw new InvalidVersionException(name(), text, parts[i] + " does not fit a 32-bit integer");
            }
            numbers[i] = n.intValue();
        }
        String[] upper = null;
        long[] numeric = null;
        if (labels != null) {
            upper = new String[labels.length];
            numeric = new long[labels.length];
            for (int i = 0; i < labels.length; i++) {
                upper[i] = labels[i].toUpperCase(Locale.ROOT);
                Long n = int32(labels[i]);
                numeric[i] = n == null ? Long.MIN_VALUE : n;
            }
        }
        return new NugetVersion(text, numbers, upper, numeric);
    }

    // Int32.TryParse with the invariant culture: optional sign, digits, within range.
    private static Long int32(String s) {
        int start = s.startsWith("-") || s.startsWith("+") ? 1 : 0;
        if (!DecimalDigits.isDigits(s, start, s.length()) || !DecimalDigits.fitsLong(s.substring(start))) {
            return null;
        }
        long v = Long.parseLong(s);
        return v < Integer.MIN_VALUE || v > Integer.MAX_VALUE ? null : v;
    }

    private String[] checkLabels(String text, String dotted, String what) throws InvalidVersionException {
        String[] labels = dotted.split("\\.", -1);
        for (String label : labels) {
            if (label.isEmpty()) {
                throw new InvalidVersionException(name(), text, "empty " + what);
            }
            for (int i = 0; i < label.length(); i++) {
                char c = label.charAt(i);
                if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '-')) {
                    throw new InvalidVersionException(name(), text, "character '" + c + "' in " + what);
                }
            }
        }
        return labels;
    }

    /** A parsed NuGet version. */
    static final class NugetVersion implements Version {
        private final String text;
        private final int[] numbers;
        private final String[] labels;
        private final long[] numericLabels;

        NugetVersion(String text, int[] numbers, String[] labels, long[] numericLabels) {
            this.text = text;
            this.numbers = numbers;
            this.labels = labels;
            this.numericLabels = numericLabels;
        }

        @Override
        public String text() {
            return text;
        }

        @Override
        public int compareTo(Version other) {
            NugetVersion o = VersionCasts.same(this, other, NugetVersion.class);
            for (int i = 0; i < 4; i++) {
                if (numbers[i] != o.numbers[i]) {
                    return numbers[i] < o.numbers[i] ? -1 : 1;
                }
            }
            if (labels == null || o.labels == null) {
                return labels == null ? (o.labels == null ? 0 : 1) : -1;
            }
            int n = Math.min(labels.length, o.labels.length);
            for (int i = 0; i < n; i++) {
                long a = numericLabels[i];
                long b = o.numericLabels[i];
                int c;
                if (a != Long.MIN_VALUE && b != Long.MIN_VALUE) {
                    c = Long.compare(a, b);
                } else if (a != Long.MIN_VALUE) {
                    c = -1;
                } else if (b != Long.MIN_VALUE) {
                    c = 1;
                } else {
                    c = labels[i].compareTo(o.labels[i]);
                }
                if (c != 0) {
                    return c < 0 ? -1 : 1;
                }
            }
            return Integer.compare(labels.length, o.labels.length);
        }

        @Override
        public String toString() {
            return text;
        }
    }
}
