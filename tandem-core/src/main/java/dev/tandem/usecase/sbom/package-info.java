/**
 * The SBOM check: one SBOM document against a quality profile of the knowledge base (BSI TR-03183-2,
 * NTIA), giving per-field coverage and every violation.
 */
package dev.tandem.usecase.sbom;
