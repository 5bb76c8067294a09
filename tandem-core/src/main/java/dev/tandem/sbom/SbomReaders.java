package dev.tandem.sbom;

import dev.tandem.input.InputException;
import java.nio.file.Path;

/**
 * The entry point for reading any supported SBOM: detects the format from the content (CycloneDX
 * JSON/XML 1.2–1.6, SPDX 2.3 JSON and tag-value) and hands the document to the matching reader.
 */
public final class SbomReaders {

    private SbomReaders() {
    }

    /** Reads and parses one SBOM file of any supported format. */
    public static Sbom read(Path file) throws InputException {
        byte[] bytes = SbomBytes.read(file);
        return switch (FormatSniffer.detect(file, bytes)) {
            case CYCLONEDX_JSON -> new CycloneDxJsonReader().read(file, bytes);
            case CYCLONEDX_XML -> new CycloneDxXmlReader().read(file, bytes);
            case SPDX_JSON -> new SpdxJsonReader().read(file, bytes);
            case SPDX_TAG_VALUE -> new SpdxTagValueReader().read(file, bytes);
        };
    }

    /**
     * Parses one SBOM document of any supported format; {@code doc.source()} names it in errors and in
     * the result. The way front ends that hold bytes (uploads, tests) read SBOMs.
     */
    public static Sbom read(dev.tandem.input.InputDocument doc) throws InputException {
        Path name = Path.of(doc.source());
        byte[] bytes = doc.content();
        return switch (FormatSniffer.detect(name, bytes)) {
            case CYCLONEDX_JSON -> new CycloneDxJsonReader().read(name, bytes);
            case CYCLONEDX_XML -> new CycloneDxXmlReader().read(name, bytes);
            case SPDX_JSON -> new SpdxJsonReader().read(name, bytes);
            case SPDX_TAG_VALUE -> new SpdxTagValueReader().read(name, bytes);
        };
    }

    /** The format of a file, from its content; an error saying what was expected when it is none of them. */
    public static SbomFormat detect(Path file) throws InputException {
        return FormatSniffer.detect(file, SbomBytes.read(file));
    }

    /** The reader for one format, for callers that already know it. */
    public static SbomReader reader(SbomFormat format) {
        return switch (format) {
            case CYCLONEDX_JSON -> new CycloneDxJsonReader();
            case CYCLONEDX_XML -> new CycloneDxXmlReader();
            case SPDX_JSON -> new SpdxJsonReader();
            case SPDX_TAG_VALUE -> new SpdxTagValueReader();
        };
    }
}
