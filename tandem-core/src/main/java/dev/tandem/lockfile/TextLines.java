package dev.tandem.lockfile;

import dev.tandem.input.InputException;
import dev.tandem.input.InputPosition;
import dev.tandem.input.TextPositions;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The lines of a text lockfile (yarn.lock v1, go.mod, go.sum, requirements files, Gemfile.lock, Maven's
 * dependency list), decoded once: UTF-8 only (the first bad byte is named), a byte-order mark and
 * carriage returns dropped, and no line longer than any of these formats writes.
 */
final class TextLines {

    /** Longer than any real lockfile line (a requirements line with a few dozen hashes is about 4 KiB). */
    static final int MAX_LINE = 1 << 20;

    private TextLines() {
    }

    /** The lines in order; line {@code i} of the list is line {@code i + 1} of the file. */
    static List<String> of(String source, byte[] content) throws InputException {
        TextPositions.requireUtf8(source, content);
        int start = content.length >= 3 && (content[0] & 0xFF) == 0xEF && (content[1] & 0xFF) == 0xBB
                && (content[2] & 0xFF) == 0xBF ? 3 : 0;
        List<String> lines = new ArrayList<>();
        int lineStart = start;
        for (int i = start; i <= content.length; i++) {
            if (i == content.length || content[i] == '\n') {
                int end = i;
                if (end > lineStart && content[end - 1] == '\r') {
                    end--;
                }
                if (end - lineStart > MAX_LINE) {
                    throw new InputException(source, InputPosition.at(lines.size() + 1, MAX_LINE + 1), "line "
                            + (lines.size() + 1) + " is longer than " + MAX_LINE + " bytes, longer than any lockfile writes");
                }
                if (i == content.length && end == lineStart) {
                    break;
                }
                lines.add(new String(content, lineStart, end - lineStart, StandardCharsets.UTF_8));
                lineStart = i + 1;
            }
        }
        for (int i = 0; i < lines.size(); i++) {
            int nul = lines.get(i).indexOf('\0');
            if (nul >= 0) {
                throw new InputException(source, InputPosition.at(i + 1, nul + 1), "a NUL character: this is not a text lockfile");
            }
        }
        return lines;
    }

    /** An error at a 1-based line (column 1). */
    static InputException error(String source, int line, String problem) {
        return new InputException(source, InputPosition.at(line, 1), problem);
    }
}
