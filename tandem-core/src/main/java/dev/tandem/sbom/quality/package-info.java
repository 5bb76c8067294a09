/**
 * SBOM quality: per-field coverage and violations against BSI TR-03183-2 v2.1 or the NTIA minimum
 * elements. The profiles are catalog data ({@code catalog/sbom/quality-profiles.yaml}); the engine
 * works on {@link dev.tandem.sbom.quality.SbomFacts}, which {@link dev.tandem.sbom.quality.SbomFactsReader}
 * builds from a parsed SBOM plus the document fields the SBOM model does not carry.
 */
package dev.tandem.sbom.quality;
