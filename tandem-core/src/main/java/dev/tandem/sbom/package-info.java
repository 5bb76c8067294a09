/**
 * The SBOM model Tandem works on, and the readers that build it from CycloneDX (JSON/XML 1.2–1.6)
 * and SPDX 2.3 (JSON, tag-value). A document is parsed once ({@link dev.tandem.sbom.SbomDocument});
 * the model, the details quality checks read and the cryptographic inventory are views of that parse.
 * Readers keep every component, including the ones that cannot be matched, and fail with
 * {@link dev.tandem.input.InputException} on bad input.
 */
package dev.tandem.sbom;
