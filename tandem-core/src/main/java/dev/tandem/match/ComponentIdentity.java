package dev.tandem.match;

/** What a component is in advisory terms, or why it cannot be matched. */
public sealed interface ComponentIdentity {

    /**
     * A component that advisories can name.
     *
     * @param release the distribution release from the purl's {@code distro} qualifier, empty when not given
     * @param version the version to evaluate, as the ecosystem writes it (Go's {@code v} prefix removed)
     */
    record Known(PackageKey key, String release, String version) implements ComponentIdentity {
    }

    /** A component no advisory can be matched to, and why (no purl, unknown type, malformed purl). */
    record Unmatchable(String reason) implements ComponentIdentity {
    }
}
