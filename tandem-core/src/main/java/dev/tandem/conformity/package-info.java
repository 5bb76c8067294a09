/**
 * Conformity and mutual recognition: requirement catalogs (CRA Annex I, NIST IR 8425, ETSI EN 303 645),
 * crosswalks between them, the product profile, the assessment across regimes, and the documents a
 * manufacturer files (EU declaration of conformity draft, CTA-2120 registry entry, label). The
 * knowledge itself lives in {@code catalog/conformity/}, loaded from a {@link dev.tandem.catalog.CatalogSource}
 * (bundled, or a reviewer's folder). Engines here read no files: front ends hand them documents.
 */
package dev.tandem.conformity;
