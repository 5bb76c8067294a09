/** The renderers of an SBOM check ({@link dev.tandem.usecase.sbom.SbomCheckResult}): table, JSON and HTML. */
package dev.tandem.render.sbom;
