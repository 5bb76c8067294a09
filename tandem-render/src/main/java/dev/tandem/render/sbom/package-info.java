/** The renderers of an SBOM check ({@link dev.tandem.usecase.sbom.SbomCheckResult}): table and JSON. */
package dev.tandem.render.sbom;
