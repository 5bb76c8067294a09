package dev.tandem.cpe;

import java.util.List;

/** What a record's configurations say about one component. */
public sealed interface ApplicabilityVerdict {

    /** Not affected: no configuration holds through the component. */
    NotAffected NOT_AFFECTED = new NotAffected();

    /**
     * Affected.
     *
     * @param configuration the first configuration that holds (0-based)
     * @param matched       the vulnerable criteria the component matched, in every configuration that holds
     * @param platforms     the platform criteria other components of the SBOM matched there
     */
    record Affected(int configuration, List<CpeMatch> matched, List<CpeMatch> platforms) implements ApplicabilityVerdict {
        public Affected {
            matched = List.copyOf(matched);
            platforms = List.copyOf(platforms);
        }

        /**
         * The versions that fix it as the criteria state them: the {@code versionEndExcluding} bounds
         * the component's version lies below, in ascending order; empty when only inclusive ends or
         * exact versions matched (the record does not say what fixes them).
         */
        public List<String> fixedIn() {
            return matched.stream().map(m -> m.bounds().endExcluding()).filter(java.util.Objects::nonNull).distinct()
                    .sorted(CpeVersion.ORDER).toList();
        }
    }

    /** The component matches, but a platform it needs is not listed, or its version is not stated. */
    record Undecided(String reason) implements ApplicabilityVerdict {
    }

    /** Not affected. */
    record NotAffected() implements ApplicabilityVerdict {
    }
}
