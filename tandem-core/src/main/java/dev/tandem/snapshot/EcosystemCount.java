package dev.tandem.snapshot;

/**
 * The share of one OSV ecosystem (base name, without release) in a snapshot: advisories with at
 * least one {@code affected[]} entry in it, distinct packages, and {@code affected[]} entries.
 */
public record EcosystemCount(String ecosystem, long advisories, long packages, long entries) {
}
