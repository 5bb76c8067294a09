/**
 * Post-quantum readiness: read cryptographic assets from CBOMs and crypto libraries from SBOMs
 * ({@code inventory}), classify them against the catalog ({@code classification}), and turn them
 * into a dated migration plan per market and sector ({@code plan}). The catalog data lives in
 * {@code catalog/pqc/} and is read by {@code catalog}.
 */
package dev.tandem.pqc;
