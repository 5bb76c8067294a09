package dev.tandem.usecase.scan;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds the line of an SBOM document where a component's purl is written, so outputs such as
 * SARIF point at the component rather than at the top of the file. Line 1 when the text cannot be
 * found (no text, too large to search, or the purl written in another spelling).
 */
final class SbomLines {

    /** Above this size a search per finding costs more than a precise line is worth. */
    private static final long MAX_SEARCHED_BYTES = 64L << 20;

    private static final SbomLines NONE = new SbomLines("");

    private final String text;
    private final int[] lineStarts;
    private final Map<String, Integer> found = new HashMap<>();

    private SbomLines(String text) {
        this.text = text;
        int[] starts = new int[16];
        int count = 0;
        starts[count++] = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                if (count == starts.length) {
                    starts = Arrays.copyOf(starts, count * 2);
                }
                starts[count++] = i + 1;
            }
        }
        this.lineStarts = Arrays.copyOf(starts, count);
    }

    /** The lines of a document's bytes (UTF-8). */
    static SbomLines of(byte[] content) {
        return content.length > MAX_SEARCHED_BYTES ? NONE : new SbomLines(new String(content, StandardCharsets.UTF_8));
    }

    /** No text to search: every purl is on line 1. */
    static SbomLines none() {
        return NONE;
    }

    /** The 1-based line of the first occurrence of the purl as JSON, XML or tag-value writes it; 1 when absent. */
    int lineOf(String purl) {
        if (purl.isEmpty() || text.isEmpty()) {
            return 1;
        }
        return found.computeIfAbsent(purl, p -> {
            for (String spelling : List.of(p, p.replace("/", "\\/"), p.replace("&", "&amp;"))) {
                int at = text.indexOf(spelling);
                if (at >= 0) {
                    int index = Arrays.binarySearch(lineStarts, at);
                    return (index >= 0 ? index : -index - 2) + 1;
                }
            }
            return 1;
        });
    }
}
