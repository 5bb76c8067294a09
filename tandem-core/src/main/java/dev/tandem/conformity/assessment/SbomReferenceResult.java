package dev.tandem.conformity.assessment;

/** One SBOM the profile references and whether Tandem could find it (content checks: docs/commands/sbom-check.md). */
public record SbomReferenceResult(String reference, String format, boolean found, String finding) {
}
