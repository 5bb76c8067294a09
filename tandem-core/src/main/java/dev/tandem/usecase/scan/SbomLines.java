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
 *
 * <p>One pass over the text notes the first line of every purl written in it (as JSON, XML or
 * tag-value writes them), so a large SBOM with many findings is read once, not once per finding; a
 * purl not found that way is searched as text, as a last resort.
 */
final class SbomLines {

    /** Above this size the text is not kept: locations point at line 1. */
    private static final long MAX_SEARCHED_BYTES = 64L << 20;

    private static final SbomLines NONE = new SbomLines("");

    private final String text;
    private int[] lineStarts;
    private Map<String, Integer> firstLines;

    private SbomLines(String text) {
        this.text = text;
    }

    private SbomLines(Map<String, Integer> known) {
        this.text = "";
        this.firstLines = new HashMap<>(known);
    }

    /** Lines a reader noted itself (a lockfile's package lines, by purl); 1 for a purl it did not note. */
    static SbomLines known(Map<String, Integer> lines) {
        return new SbomLines(lines);
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
        if (purl.isEmpty()) {
            return 1;
        }
        if (text.isEmpty()) {
            return firstLines == null ? 1 : firstLines.getOrDefault(purl, 1);
        }
        if (firstLines == null) {
            index();
        }
        Integer line = firstLines.get(purl);
        if (line != null) {
            return line;
        }
        for (String spelling : List.of(purl, purl.replace("/", "\\/"), purl.replace("&", "&amp;"))) {
            int at = text.indexOf(spelling);
            if (at >= 0) {
                int index = Arrays.binarySearch(lineStarts, at);
                line = (index >= 0 ? index : -index - 2) + 1;
                firstLines.put(purl, line);
                return line;
            }
        }
        firstLines.put(purl, 1);
        return 1;
    }

    /**
     * Notes every token starting with "pkg:", up to a quote, a tag or whitespace (not a comma: commas
     * belong to qualifier values), with the line it is first on, and where each line starts.
     */
    private void index() {
        Map<String, Integer> lines = new HashMap<>();
        int[] starts = new int[16];
        int count = 0;
        starts[count++] = 0;
        int line = 1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                if (count == starts.length) {
                    starts = Arrays.copyOf(starts, count * 2);
                }
                starts[count++] = i + 1;
                line++;
            } else if (c == 'p' && text.startsWith("pkg:", i)) {
                int end = i;
                while (end < text.length() && !endsPurl(text.charAt(end))) {
                    end++;
                }
                String token = text.substring(i, end);
                lines.putIfAbsent(token, line);
                lines.putIfAbsent(token.replace("\\/", "/"), line);
                lines.putIfAbsent(token.replace("&amp;", "&"), line);
                i = end - 1;
            }
        }
        lineStarts = Arrays.copyOf(starts, count);
        firstLines = lines;
    }

    private static boolean endsPurl(char c) {
        return c == '"' || c == '\'' || c == '<' || Character.isWhitespace(c);
    }
}
