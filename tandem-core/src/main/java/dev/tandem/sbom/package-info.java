/**
 * The SBOM model Tandem works on, and the readers that build it from CycloneDX (JSON/XML 1.2–1.6)
 * and SPDX 2.3 (JSON, tag-value). Readers keep every component, including the ones that cannot be
 * matched, and fail with {@link dev.tandem.input.InputException} on bad input.
 */
package dev.tandem.sbom;
