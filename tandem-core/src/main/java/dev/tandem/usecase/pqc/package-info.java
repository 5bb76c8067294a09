/**
 * The post-quantum plan: the cryptographic inventories of SBOM and CBOM documents, classified against
 * the knowledge base and planned for the chosen markets and sectors, with a readiness figure per product.
 */
package dev.tandem.usecase.pqc;
