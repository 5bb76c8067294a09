package dev.tandem.sbom;

import dev.tandem.input.InputException;
import dev.tandem.input.InputLimits;
import dev.tandem.input.InputPosition;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * One {@code Tag: value} of an SPDX tag-value document, with the line it starts on; a
 * {@code <text>…</text>} value over several lines is one value. Comments and blank lines are not kept.
 */
record TagValueLine(String tag, String value, int line) {

    private static final String TEXT_START = "<text>";
    private static final String TEXT_END = "</text>";

    /**
     * Splits a whole document into its tags.
     *
     * @param start the first byte after an optional byte order mark
     * @throws InputException naming the line of a line that is not {@code Tag: value}, or of an unclosed or overlong text
     */
    static List<TagValueLine> parse(String source, byte[] bytes, int start, InputLimits limits) throws InputException {
        checkLineLengths(source, bytes, start, limits);
        String text = new String(bytes, start, bytes.length - start, StandardCharsets.UTF_8);
        String[] lines = text.split("\r\n|\r|\n", -1);
        List<TagValueLine> tags = new ArrayList<>();
        for (int index = 0; index < lines.length; index++) {
            String line = lines[index];
            int lineNumber = index + 1;
            if (line.isBlank() || line.stripLeading().startsWith("#")) {
                continue;
            }
            int colon = line.indexOf(':');
            if (colon <= 0 || line.substring(0, colon).isBlank() || line.substring(0, colon).strip().contains(" ")) {
                throw new InputException(source, InputPosition.at(lineNumber, 1),
                        "expected a \"Tag: value\" line, found \"" + abbreviate(line.strip()) + "\"");
            }
            String tag = line.substring(0, colon).strip();
            String value = line.substring(colon + 1).strip();
            if (value.length() > limits.maxStringLength()) {
                throw new InputException(source, InputPosition.at(lineNumber, colon + 2), "the value of " + abbreviate(tag)
                        + " is longer than " + limits.maxStringLength() + " characters");
            }
            if (value.startsWith(TEXT_START)) {
                StringBuilder textValue = new StringBuilder(value.substring(TEXT_START.length()));
                int end = textValue.indexOf(TEXT_END);
                int startColumn = line.indexOf(TEXT_START) + 1;
                while (end < 0) {
                    index++;
                    if (index >= lines.length) {
                        throw new InputException(source, InputPosition.at(lineNumber, startColumn),
                                "<text> value of " + tag + " is not closed by </text>");
                    }
                    textValue.append('\n').append(lines[index]);
                    if (textValue.length() > limits.maxStringLength()) {
                        throw new InputException(source, InputPosition.at(lineNumber, startColumn),
                                "<text> value of " + tag + " is longer than " + limits.maxStringLength() + " characters");
                    }
                    end = textValue.indexOf(TEXT_END);
                }
                value = textValue.substring(0, end).strip();
            }
            tags.add(new TagValueLine(tag, value, lineNumber));
        }
        return tags;
    }

    /**
     * Refuses a line longer than one value may be (plus room for its tag) before the document is
     * decoded and split: a 200 MB line would otherwise be copied several times on its way to the
     * per-value check, which is how a plain value escaped the limit the docs promise.
     */
    private static void checkLineLengths(String source, byte[] bytes, int start, InputLimits limits)
            throws InputException {
        long most = (long) limits.maxStringLength() + 4096; // room for the tag
        int line = 1;
        long characters = 0;
        for (int i = start; i < bytes.length; i++) {
            byte b = bytes[i];
            if (b == '\n') {
                line++;
                characters = 0;
            } else if ((b & 0xC0) != 0x80 && ++characters > most) {
                throw new InputException(source, InputPosition.at(line, 1), "line " + line + " is longer than "
                        + most + " characters, more than one value may hold (" + limits.maxStringLength() + ")");
            }
        }
    }

    private static String abbreviate(String line) {
        return line.length() > 80 ? line.substring(0, 80) + "..." : line;
    }
}
