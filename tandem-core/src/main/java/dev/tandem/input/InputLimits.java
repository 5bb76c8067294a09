package dev.tandem.input;

/**
 * Ceilings applied to every document Tandem reads. They are far above any real SBOM or advisory
 * (the largest real CycloneDX SBOMs are a few hundred MB with nesting under 30) and low enough that a
 * hostile document fails fast instead of exhausting memory or the stack.
 */
public record InputLimits(long maxDocumentBytes, int maxNestingDepth, int maxStringLength, long maxArchiveEntries,
        long maxArchiveBytes) {

    public static final InputLimits DEFAULT = new InputLimits(
            1L << 30,          // 1 GiB per document
            200,               // nesting depth
            50 * 1024 * 1024,  // 50 MiB for one string value
            2_000_000L,        // entries in one zip
            8L << 30);         // 8 GiB uncompressed per zip (zip bombs)

    /**
     * The most bytes one document may take when read whole: a quarter of the JVM's maximum heap, so
     * that the bytes, the parsed tree and the model built from them fit beside each other (see
     * docs/hardening.md). Readers refuse larger documents with a message instead of running out of memory.
     */
    public static long memoryCeiling() {
        return Runtime.getRuntime().maxMemory() / 4;
    }

    /**
     * The most memory a parsed JSON tree may take, estimated while parsing: two fifths of the JVM's maximum
     * heap. Beyond it the document is refused with a message that says how to give Java more memory.
     */
    public long maxTreeBytes() {
        return Runtime.getRuntime().maxMemory() / 5 * 2;
    }

    public InputLimits {
        if (maxDocumentBytes <= 0 || maxNestingDepth <= 0 || maxStringLength <= 0 || maxArchiveEntries <= 0
                || maxArchiveBytes <= 0) {
            throw new IllegalArgumentException("limits must be positive");
        }
    }
}
