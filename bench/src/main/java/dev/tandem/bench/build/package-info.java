/** Probes of {@code db build}'s phases (decode, alias merge, encode) in one process, for issue 20. */
package dev.tandem.bench.build;
