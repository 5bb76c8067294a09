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

    /** The offset of the first byte that is not valid UTF-8, or -1 when the whole document is valid. */
    public static long firstInvalidUtf8(byte[] content) {
        java.nio.charset.CharsetDecoder decoder = java.nio.charset.StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT);
        java.nio.ByteBuffer in = java.nio.ByteBuffer.wrap(content);
        java.nio.CharBuffer out = java.nio.CharBuffer.allocate(8192);
        while (true) {
            java.nio.charset.CoderResult result = decoder.decode(in, out, true);
            if (result.isError()) {
                return in.position();
            }
            if (result.isUnderflow()) {
                return -1;
            }
            out.clear();
        }
    }

    /**
     * Refuses a document that is not UTF-8, naming the line and column of the first bad byte: for readers
     * that decode text before parsing it (the decoder would silently put U+FFFD in its place).
     */
    public static void requireUtf8(String source, byte[] content) throws InputException {
        long bad = firstInvalidUtf8(content);
        if (bad >= 0) {
            throw new InputException(source, of(content, bad), String.format(
                    "not valid UTF-8: byte 0x%02X at offset %d cannot start or continue a character",
                    content[(int) bad] & 0xFF, bad));
        }
    }
}
