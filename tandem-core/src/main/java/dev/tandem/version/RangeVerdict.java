package dev.tandem.version;

import java.util.List;

/** The outcome of evaluating one version against an advisory's {@link AffectedVersions}. */
public sealed interface RangeVerdict {

    /**
     * The version is affected.
     *
     * @param matchedBy human-readable rule that matched, e.g. {@code "ECOSYSTEM range [1.0, 1.2.3)"} or {@code "versions list"}
     * @param fixedIn   the fixed versions of the ranges that matched, ascending; empty when none is known
     */
    record Affected(String matchedBy, List<String> fixedIn) implements RangeVerdict {
        public Affected {
            fixedIn = List.copyOf(fixedIn);
        }
    }

    /** The version is outside every range and not listed. */
    record NotAffected() implements RangeVerdict {
    }

    /**
     * Could not be decided without guessing: only GIT ranges, no usable ordering for the
     * ecosystem, or a version the scheme cannot parse. Reported, never treated as a match.
     */
    record NotEvaluated(String reason) implements RangeVerdict {
    }
}
