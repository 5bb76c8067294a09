/**
 * AI components of a product: the machine-learning models and datasets its CycloneDX SBOMs list (an
 * ML-BOM), with their model cards, and what an inventory flags about them (no provenance, no hashes, no
 * model card). Reads only the SBOM model and its details, so every format gives the same inventory.
 */
package dev.tandem.ai;
