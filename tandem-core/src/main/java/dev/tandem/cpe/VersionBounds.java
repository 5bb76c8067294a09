package dev.tandem.cpe;

import java.util.ArrayList;
import java.util.List;

/**
 * The four version bounds of an NVD match criterion ({@code versionStartIncluding},
 * {@code versionStartExcluding}, {@code versionEndIncluding}, {@code versionEndExcluding}); null for
 * a bound not given. A version is inside when it satisfies every bound given, in {@link CpeVersion}
 * order.
 */
public record VersionBounds(String startIncluding, String startExcluding, String endIncluding, String endExcluding) {

    /** No bound at all. */
    public static final VersionBounds NONE = new VersionBounds(null, null, null, null);

    public VersionBounds {
        startIncluding = blankToNull(startIncluding);
        startExcluding = blankToNull(startExcluding);
        endIncluding = blankToNull(endIncluding);
        endExcluding = blankToNull(endExcluding);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    public boolean isEmpty() {
        return startIncluding == null && startExcluding == null && endIncluding == null && endExcluding == null;
    }

    public boolean contains(String version) {
        return (startIncluding == null || CpeVersion.compare(version, startIncluding) >= 0)
                && (startExcluding == null || CpeVersion.compare(version, startExcluding) > 0)
                && (endIncluding == null || CpeVersion.compare(version, endIncluding) <= 0)
                && (endExcluding == null || CpeVersion.compare(version, endExcluding) < 0);
    }

    /** "from 1.0.1 (including) to 1.0.1g (excluding)"; "" when there is no bound. */
    public String describe() {
        List<String> parts = new ArrayList<>(2);
        if (startIncluding != null) {
            parts.add("from " + startIncluding + " (including)");
        } else if (startExcluding != null) {
            parts.add("from " + startExcluding + " (excluding)");
        }
        if (endIncluding != null) {
            parts.add("up to " + endIncluding + " (including)");
        } else if (endExcluding != null) {
            parts.add("up to " + endExcluding + " (excluding)");
        }
        return String.join(" ", parts);
    }
}
