package dev.tandem.pqc.classification;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Compares the leading numeric parts of library versions ("3.0.13" < "3.5.0", "1.1.1w" < "3.5.0"). */
final class VersionText {

    private static final Pattern NUMBER = Pattern.compile("\\d+");

    private VersionText() {
    }

    static boolean atLeast(String version, String minimum) {
        List<Long> have = numbers(version);
        List<Long> want = numbers(minimum);
        if (have.isEmpty()) {
            return false;
        }
        for (int i = 0; i < Math.max(have.size(), want.size()); i++) {
            long a = i < have.size() ? have.get(i) : 0;
            long b = i < want.size() ? want.get(i) : 0;
            if (a != b) {
                return a > b;
            }
        }
        return true;
    }

    private static List<Long> numbers(String version) {
        List<Long> parts = new ArrayList<>();
        String core = version.startsWith("v") ? version.substring(1) : version;
        for (String piece : core.split("[.]")) {
            Matcher m = NUMBER.matcher(piece);
            if (!m.lookingAt() || m.group().length() > 18) {
                break;
            }
            parts.add(Long.parseLong(m.group()));
            if (m.end() < piece.length()) {
                break;
            }
        }
        return parts;
    }
}
