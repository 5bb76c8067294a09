package dev.tandem.version;

/**
 * Evaluates a version against an OSV {@code affected[]} entry by the OSV specification's
 * "Evaluation" algorithm: affected when listed in {@code versions} (exact text, or equal by the
 * ecosystem's ordering) or inside any SEMVER/ECOSYSTEM range (events sorted by the scheme,
 * {@code introduced: "0"} first, {@code fixed} exclusive, {@code last_affected} inclusive, below
 * some {@code limit} when there is one). GIT ranges are never matched; a GIT range beside other
 * ranges does not stop their evaluation. A version or bound the scheme cannot parse gives
 * {@link RangeVerdict.NotEvaluated} quoting it, never a silent "not affected".
 */
public final class RangeEvaluator {

    private RangeEvaluator() {
    }

    /**
     * Evaluates {@code version} against {@code affected}. SEMVER ranges use
     * {@link VersionSchemes#semver()}; ECOSYSTEM ranges and the versions list use
     * {@code ecosystemScheme}, which may be null when the ecosystem has no known ordering.
     */
    public static RangeVerdict evaluate(AffectedVersions affected, VersionScheme ecosystemScheme, String version) {
        return compile(affected, ecosystemScheme).evaluate(version);
    }

    /** Parses and sorts every event once, for evaluating many versions against the same entry. */
    public static CompiledAffectedVersions compile(AffectedVersions affected, VersionScheme ecosystemScheme) {
        return new CompiledAffectedVersions(affected, ecosystemScheme);
    }
}
