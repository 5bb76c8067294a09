/** Benchmarks (JMH) and the synthetic corpus generators behind docs/performance.md. */
package dev.tandem.bench;
