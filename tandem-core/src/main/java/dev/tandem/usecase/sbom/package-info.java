/**
 * SBOMs as documents: the SBOM check, one SBOM document against a quality profile of the knowledge base
 * (BSI TR-03183-2, NTIA), giving per-field coverage and every violation; and the SBOM of package
 * managers' lockfiles ({@link dev.tandem.usecase.sbom.SbomFromLockfileUseCase}).
 */
package dev.tandem.usecase.sbom;
