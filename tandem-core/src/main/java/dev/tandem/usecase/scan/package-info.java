/**
 * Vulnerability handling, one call each: a scan of SBOMs against OSV advisories (files, in-memory
 * documents or a snapshot) and KEV catalogues ({@link dev.tandem.usecase.scan.ScanUseCase}),
 * building and inspecting advisory snapshots ({@link dev.tandem.usecase.scan.DbBuildUseCase},
 * {@link dev.tandem.usecase.scan.DbInfoUseCase}), and comparing and sorting versions by an
 * ecosystem's own ordering. None of them depends on the catalog.
 */
package dev.tandem.usecase.scan;
