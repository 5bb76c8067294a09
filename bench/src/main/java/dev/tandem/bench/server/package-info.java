/**
 * Whole-server benchmarks: a load client for a running {@code tandem serve} on loopback (snapshot
 * swap, 10,000-component SBOM uploads, findings reads from concurrent clients) and its resident
 * memory. Driven by bench/run-server.sh; figures in docs/performance.md.
 */
package dev.tandem.bench.server;
