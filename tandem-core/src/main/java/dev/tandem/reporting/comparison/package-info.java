/**
 * The EU–US comparison of reporting frameworks, derived from the catalog only: the field matrix,
 * the timing table (fastest to slowest), and alignment and divergence statements, each carrying
 * the catalog entries that produced it as evidence.
 */
package dev.tandem.reporting.comparison;
