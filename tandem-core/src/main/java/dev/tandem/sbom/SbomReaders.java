package dev.tandem.sbom;

import dev.tandem.input.InputDocument;
import dev.tandem.input.InputException;
import java.nio.file.Path;

/**
 * The entry point for reading any supported SBOM: detects the format from the content (CycloneDX
 * JSON/XML 1.2–1.6, SPDX 2.3 JSON and tag-value) and parses it once ({@link SbomDocument}).
 */
public final class SbomReaders {

    private SbomReaders() {
    }

    /**
     * Parses one SBOM document of any supported format; {@code doc.source()} names it in errors and in
     * the result. The way front ends that hold bytes (uploads, tests) read SBOMs.
     */
    public static Sbom read(InputDocument doc) throws InputException {
        return SbomDocument.parse(doc).sbom();
    }

    /** Parses {@code content}, named {@code source} in errors and in the result. */
    public static Sbom read(String source, byte[] content) throws InputException {
        return read(new InputDocument(source, content));
    }

    /**
     * Reads and parses one SBOM file of any supported format. For callers that still hold paths; a
     * front end reads the file into an {@link InputDocument} itself.
     */
    public static Sbom read(Path file) throws InputException {
        return read(InputDocument.read(file));
    }

    /** The format of a file, from its content; an error saying what was expected when it is none of them. */
    public static SbomFormat detect(Path file) throws InputException {
        return SbomDocument.parse(InputDocument.read(file)).format();
    }

    /**
     * The reader for one SBOM document format, for callers that already know it.
     *
     * @throws IllegalArgumentException for a lockfile format: lockfiles are read by {@code dev.tandem.lockfile.Lockfiles}
     */
    public static SbomReader reader(SbomFormat format) {
        return switch (format) {
            case CYCLONEDX_JSON -> new CycloneDxJsonReader();
            case CYCLONEDX_XML -> new CycloneDxXmlReader();
            case SPDX_JSON -> new SpdxJsonReader();
            case SPDX_TAG_VALUE -> new SpdxTagValueReader();
            default -> throw new IllegalArgumentException(format.label()
                    + " is a lockfile format, read by dev.tandem.lockfile.Lockfiles");
        };
    }
}
