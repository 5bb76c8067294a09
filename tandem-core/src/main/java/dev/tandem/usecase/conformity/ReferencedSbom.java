package dev.tandem.usecase.conformity;

import dev.tandem.input.InputDocument;
import java.util.Objects;

/**
 * What a front end found for one SBOM a product profile references by path: its bytes, or why it
 * could not be read. A reference the front end found nothing for is left out of the request, and
 * the assessment reports it as not found.
 */
public sealed interface ReferencedSbom permits ReferencedSbom.Found, ReferencedSbom.Unreadable {

    /** The SBOM document, parsed once by the use case. */
    record Found(InputDocument document) implements ReferencedSbom {
        public Found {
            Objects.requireNonNull(document, "document");
        }
    }

    /** The SBOM exists but could not be read; {@code problem} says why, without the file name. */
    record Unreadable(String problem) implements ReferencedSbom {
        public Unreadable {
            Objects.requireNonNull(problem, "problem");
        }
    }
}
