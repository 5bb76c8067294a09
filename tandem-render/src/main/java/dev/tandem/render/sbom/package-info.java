/**
 * The renderers of an SBOM check ({@link dev.tandem.usecase.sbom.SbomCheckResult}): table, JSON and HTML; and of
 * the SBOM of lockfiles ({@link dev.tandem.usecase.sbom.SbomFromLockfileResult}): CycloneDX 1.6 JSON.
 */
package dev.tandem.render.sbom;
