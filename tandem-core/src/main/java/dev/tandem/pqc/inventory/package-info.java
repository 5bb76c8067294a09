/**
 * Reading the cryptographic inventory of a product, as a view of the one parse of a document
 * ({@link dev.tandem.sbom.SbomDocument}): CycloneDX 1.6 cryptographic assets
 * ({@code type: cryptographic-asset} with {@code cryptoProperties}) and, as weaker evidence, the
 * ordinary components of a CycloneDX or SPDX JSON SBOM, with every reference checked.
 */
package dev.tandem.pqc.inventory;
