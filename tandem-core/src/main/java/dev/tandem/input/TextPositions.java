package dev.tandem.input;

/** Line and column of a byte offset in a UTF-8 document, for parsers that report offsets only. */
public final class TextPositions {

    private TextPositions() {
    }

    /**
     * The 1-based line and column (in characters, counting a multi-byte UTF-8 sequence as one) of the
     * byte at {@code offset}; unknown when the offset is outside the document.
     */
    public static InputPosition of(byte[] content, long offset) {
        if (offset < 0 || offset > content.length) {
            return InputPosition.UNKNOWN;
        }
        int line = 1;
        int column = 1;
        for (int i = 0; i < offset; i++) {
            byte b = content[i];
            if (b == '\n') {
                line++;
                column = 1;
            } else if ((b & 0xC0) != 0x80) {
                column++;
            }
        }
        return InputPosition.at(line, column);
    }
}
