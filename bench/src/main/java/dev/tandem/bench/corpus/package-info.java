/**
 * Synthetic OSV corpora, KEV catalogues and CycloneDX SBOMs whose shape follows real OSV,
 * deterministic from a seed and of any size: the inputs behind docs/performance.md.
 */
package dev.tandem.bench.corpus;
