package dev.tandem.conformity.assessment;

import dev.tandem.input.InputDocument;

/**
 * What a front end found for one SBOM a product profile references by path: its bytes, or why it
 * could not be read. A reference the front end found nothing for is simply left out, and the
 * assessment reports it as not found.
 */
public sealed interface ReferencedSbom permits ReferencedSbom.Found, ReferencedSbom.Unreadable {

    /** The SBOM document. */
    record Found(InputDocument document) implements ReferencedSbom {
    }

    /** The SBOM exists but could not be read; {@code problem} says why, without the file name. */
    record Unreadable(String problem) implements ReferencedSbom {
    }
}
