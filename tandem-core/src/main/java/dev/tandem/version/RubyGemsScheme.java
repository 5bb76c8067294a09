package dev.tandem.version;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * RubyGems ordering as {@code Gem::Version#<=>} (rubygems lib/rubygems/version.rb): the version
 * must match {@code ANCHORED_VERSION_PATTERN}; {@code -} becomes {@code .pre.}; segments are runs
 * of digits or letters; trailing zeros are dropped from the numeric and from the textual part
 * ({@code canonical_segments}); a missing segment is 0; text sorts before numbers; text compares
 * bytewise.
 */
final class RubyGemsScheme implements VersionScheme {

    static final RubyGemsScheme INSTANCE = new RubyGemsScheme();

    private static final Pattern ANCHORED = Pattern.compile(
            "\\s*([0-9]+(?:\\.[0-9a-zA-Z]+)*(-[0-9A-Za-z-]+(\\.[0-9A-Za-z-]+)*)?)?\\s*");

    private RubyGemsScheme() {
    }

    @Override
    public String name() {
        return "RubyGems";
    }

    @Override
    public Version parse(String text) throws InvalidVersionException {
        VersionText.check(name(), text);
        if (!ANCHORED.matcher(text).matches()) {
            throw new InvalidVersionException(name(), text, "not a Gem::Version (digits, dots, letters, one -prerelease)");
        }
        String s = text.strip();
        if (s.isEmpty()) {
            s = "0";
        }
        s = s.replace("-", ".pre.");
        List<Object> segments = new ArrayList<>();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            int end = i;
            if (c >= '0' && c <= '9') {
                while (end < s.length() && s.charAt(end) >= '0' && s.charAt(end) <= '9') {
                    end++;
                }
                String digits = s.substring(i, end);
                segments.add(DecimalDigits.fitsLong(digits) ? (Object) Long.parseLong(digits) : new HugeNumber(DecimalDigits.significant(digits)));
            } else if (Character.isLetter(c) && c < 128) {
                while (end < s.length() && Character.isLetter(s.charAt(end)) && s.charAt(end) < 128) {
                    end++;
                }
                segments.add(s.substring(i, end));
            } else {
                end = i + 1;
            }
            i = end;
        }
        int firstText = 0;
        while (firstText < segments.size() && !(segments.get(firstText) instanceof String)) {
            firstText++;
        }
        List<Object> canonical = new ArrayList<>(dropTrailingZeros(segments.subList(0, firstText)));
        canonical.addAll(dropTrailingZeros(segments.subList(firstText, segments.size())));
        long[] numbers = new long[canonical.size()];
        String[] texts = new String[canonical.size()];
        String[] huge = null;
        for (int k = 0; k < canonical.size(); k++) {
            Object seg = canonical.get(k);
            if (seg instanceof Long n) {
                numbers[k] = n;
            } else if (seg instanceof HugeNumber h) {
                if (huge == null) {
                    huge = new String[canonical.size()];
                }
                huge[k] = h.digits();
                numbers[k] = Long.MAX_VALUE;
            } else {
                texts[k] = (String) seg;
            }
        }
        return new GemVersion(text, numbers, texts, huge);
    }

    private static List<Object> dropTrailingZeros(List<Object> segments) {
        int end = segments.size();
        while (end > 0 && Long.valueOf(0).equals(segments.get(end - 1))) {
            end--;
        }
        return segments.subList(0, end);
    }

    /** A number too long for a long (Ruby integers are unbounded), as its significant digits. */
    private record HugeNumber(String digits) {
    }

    /**
     * Canonical segments: {@code texts[i]} non-null for a textual segment, else {@code numbers[i]};
     * {@code huge[i]} holds the digits of a number that does not fit a long.
     */
    static final class GemVersion implements Version {
        private final String text;
        private final long[] numbers;
        private final String[] texts;
        private final String[] huge;

        GemVersion(String text, long[] numbers, String[] texts, String[] huge) {
            this.text = text;
            this.numbers = numbers;
            this.texts = texts;
            this.huge = huge;
        }

        private String digits(int i) {
            if (i >= numbers.length) {
                return "0";
            }
            return huge != null && huge[i] != null ? huge[i] : Long.toString(numbers[i]);
        }

        @Override
        public String text() {
            return text;
        }

        @Override
        public int compareTo(Version other) {
            GemVersion o = VersionCasts.same(this, other, GemVersion.class);
            int n = Math.max(numbers.length, o.numbers.length);
            for (int i = 0; i < n; i++) {
                String ls = i < texts.length ? texts[i] : null;
                String rs = i < o.texts.length ? o.texts[i] : null;
                long ln = i < numbers.length ? numbers[i] : 0;
                long rn = i < o.numbers.length ? o.numbers[i] : 0;
                if (ls != null && rs != null) {
                    int c = ls.compareTo(rs);
                    if (c != 0) {
                        return c < 0 ? -1 : 1;
                    }
                } else if (ls != null) {
                    return -1;
                } else if (rs != null) {
                    return 1;
                } else if (huge != null || o.huge != null) {
                    int c = DecimalDigits.compare(digits(i), o.digits(i));
                    if (c != 0) {
                        return c;
                    }
                } else if (ln != rn) {
                    return ln < rn ? -1 : 1;
                }
            }
            return 0;
        }

        @Override
        public String toString() {
            return text;
        }
    }
}
