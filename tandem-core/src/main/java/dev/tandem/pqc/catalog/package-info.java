/**
 * The PQC part of the knowledge base ({@code catalog/pqc/*.yaml} on the classpath): sources with
 * confidence tags, algorithm families and parameter sets, replacements per use, dated milestones per
 * market and sector, and the crypto libraries recognised in ordinary SBOMs.
 */
package dev.tandem.pqc.catalog;
