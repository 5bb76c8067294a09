package dev.tandem.usecase.scan;

import dev.tandem.input.InputDocument;
import dev.tandem.sbom.Sbom;
import java.util.Objects;

/** One SBOM to scan: a document to parse, or an SBOM a front end parsed already. */
public sealed interface SbomInput {

    /** An SBOM document of any supported format (detected from the content). */
    record Document(InputDocument document) implements SbomInput {
        public Document {
            Objects.requireNonNull(document, "document");
        }
    }

    /**
     * An SBOM parsed already. Without its text, locations point at the first line of the document.
     */
    record Parsed(Sbom sbom) implements SbomInput {
        public Parsed {
            Objects.requireNonNull(sbom, "sbom");
        }
    }

    /** The SBOM of a document. */
    static SbomInput of(InputDocument document) {
        return new Document(document);
    }
}
