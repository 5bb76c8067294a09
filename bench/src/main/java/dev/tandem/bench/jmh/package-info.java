/**
 * JMH benchmarks behind docs/performance.md: matching a large SBOM, loading and building a
 * snapshot, and the reverse lookup over a portfolio. They read a generated corpus (see
 * {@code bench/run-scale.sh}); the folder is given by the system property {@code tandem.bench.corpus}.
 */
package dev.tandem.bench.jmh;
