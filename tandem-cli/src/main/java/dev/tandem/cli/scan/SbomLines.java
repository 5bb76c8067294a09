package dev.tandem.cli.scan;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds the line of an SBOM file where a component's purl is written, so SARIF results point at
 * the component rather than at the top of the file. Line 1 when the text cannot be found (the file
 * is gone, too large to search, or writes the purl in another spelling).
 */
final class SbomLines {

    /** Above this size a search per finding costs more than a precise line is worth. */
    private static final long MAX_SEARCHED_BYTES = 64L << 20;

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

    static SbomLines of(String source) {
        try {
            Path file = Path.of(source);
            if (!Files.isRegularFile(file) || Files.size(file) > MAX_SEARCHED_BYTES) {
                return new SbomLines("");
            }
            return new SbomLines(new String(Files.readAllBytes(file), StandardCharsets.UTF_8));
        } catch (IOException | RuntimeException e) {
            return new SbomLines("");
        }
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
