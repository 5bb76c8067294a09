package dev.tandem.version;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * An {@link AffectedVersions} with every event version parsed and sorted once, so that evaluating
 * many component versions costs only comparisons. Immutable and thread-safe.
 */
public final class CompiledAffectedVersions {

    private final VersionScheme ecosystemScheme;
    private final List<CompiledRange> ranges;
    private final Set<String> listed;
    private final List<Version> listedParsed;
    private final boolean hasGitRange;
    private final boolean hasEvaluableRange;

    CompiledAffectedVersions(AffectedVersions affected, VersionScheme ecosystemScheme) {
        this.ecosystemScheme = ecosystemScheme;
        List<CompiledRange> compiled = new ArrayList<>();
        boolean git = false;
        boolean evaluable = false;
        for (VersionRange range : affected.ranges()) {
            if (range.type() == RangeType.GIT) {
                git = true;
                continue;
            }
            evaluable = true;
            VersionScheme scheme = range.type() == RangeType.SEMVER ? VersionSchemes.semver() : ecosystemScheme;
            compiled.add(CompiledRange.of(range, scheme));
        }
        this.ranges = List.copyOf(compiled);
        this.hasGitRange = git;
        this.hasEvaluableRange = evaluable;
        this.listed = Set.copyOf(affected.versions());
        List<Version> parsed = new ArrayList<>();
        if (ecosystemScheme != null) {
            for (String v : affected.versions()) {
                try {
                    parsed.add(ecosystemScheme.parse(v));
                } catch (InvalidVersionException e) {
                    // Still matched by exact text; the scheme just cannot order it.
                }
            }
        }
        this.listedParsed = List.copyOf(parsed);
    }

    /** The scheme ECOSYSTEM ranges and the versions list are ordered by; null when the ecosystem has none. */
    public VersionScheme ecosystemScheme() {
        return ecosystemScheme;
    }

    /** Evaluates one version string as written in the SBOM. */
    public RangeVerdict evaluate(String version) {
        return evaluate(version, null);
    }

    /** Evaluates a version already parsed by {@link #ecosystemScheme()}. */
    public RangeVerdict evaluate(Version parsed) {
        return evaluate(parsed.text(), parsed);
    }

    private RangeVerdict evaluate(String text, Version ecosystemParsed) {
        if (text == null || text.isBlank()) {
            return new RangeVerdict.NotEvaluated("the component has no version");
        }
        ParsedOnce eco = ecosystemParsed != null ? new ParsedOnce(ecosystemParsed) : new ParsedOnce(ecosystemScheme, text);
        ParsedOnce sem = null;
        List<String> matchedBy = new ArrayList<>();
        Set<String> fixedIn = new LinkedHashSet<>();
        List<String> problems = new ArrayList<>();
        for (CompiledRange range : ranges) {
            if (range.problem() != null) {
                problems.add(range.problem());
                continue;
            }
            ParsedOnce p;
            if (range.type() == RangeType.SEMVER) {
                if (sem == null) {
                    // npm, Go, crates.io versions already are SemVer versions; no second parse.
                    sem = eco.version() instanceof SemverVersion ? eco : new ParsedOnce(VersionSchemes.semver(), text);
                }
                p = sem;
            } else {
                p = eco;
            }
            Version v = p.version();
            if (v == null) {
                problems.add(p.error());
                continue;
            }
            String match = range.match(v);
            if (match != null) {
                matchedBy.add(match);
                fixedIn.addAll(range.fixedVersions());
            }
        }
        if (!matchedBy.isEmpty()) {
            return new RangeVerdict.Affected(String.join("; ", matchedBy), sortedFixed(fixedIn));
        }
        if (listed.contains(text)) {
            return new RangeVerdict.Affected("versions list", List.of());
        }
        if (!listedParsed.isEmpty() && eco.version() != null) {
            for (Version listedVersion : listedParsed) {
                if (listedVersion.compareTo(eco.version()) == 0) {
                    return new RangeVerdict.Affected("versions list (\"" + listedVersion.text() + "\" by "
                            + ecosystemScheme.name() + " ordering)", List.of());
                }
            }
        }
        if (!problems.isEmpty()) {
            return new RangeVerdict.NotEvaluated(String.join("; ", problems));
        }
        if (!hasEvaluableRange && listed.isEmpty()) {
            return new RangeVerdict.NotEvaluated(hasGitRange
                    ? "only GIT ranges (commit hashes need the repository history) and no versions list"
                    : "the advisory lists neither ranges nor versions");
        }
        return new RangeVerdict.NotAffected();
    }

    // Fixed versions of several matched ranges: one range's list is already in order; a union is
    // re-sorted by the ecosystem scheme where it can parse them all.
    private List<String> sortedFixed(Set<String> fixed) {
        List<String> all = new ArrayList<>(fixed);
        if (all.size() < 2 || ecosystemScheme == null) {
            return all;
        }
        try {
            List<Version> parsed = new ArrayList<>();
            for (String f : all) {
                parsed.add(ecosystemScheme.parse(f));
            }
            parsed.sort(Comparator.naturalOrder());
            return parsed.stream().map(Version::text).toList();
        } catch (InvalidVersionException | IllegalArgumentException e) {
            return all;
        }
    }

    /** One version parsed at most once per evaluation, remembering why it failed. */
    private static final class ParsedOnce {
        private final Version version;
        private final String error;

        ParsedOnce(Version version) {
            this.version = version;
            this.error = null;
        }

        ParsedOnce(VersionScheme scheme, String text) {
            Version v = null;
            String e = null;
            if (scheme == null) {
                e = "no version ordering is known for this ecosystem, so its ECOSYSTEM range cannot be evaluated";
            } else {
                try {
                    v = scheme.parse(text);
                } catch (InvalidVersionException ex) {
                    e = ex.getMessage();
                }
            }
            this.version = v;
            this.error = e;
        }

        Version version() {
            return version;
        }

        String error() {
            return error;
        }
    }
}
