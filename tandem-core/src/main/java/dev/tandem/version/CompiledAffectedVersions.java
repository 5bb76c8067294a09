package dev.tandem.version;

import java.util.ArrayList;
import java.util.Collections;
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
        parsed.sort(Comparator.naturalOrder());
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
        ParsedOnce eco = ecosystemParsed != null ? new ParsedOnce(ecosystemParsed) : null;
        ParsedOnce sem = null;
        CompiledRange firstMatch = null;
        String firstDescription = null;
        List<CompiledRange> otherMatches = null;
        List<String> otherDescriptions = null;
        List<String> problems = null;
        for (CompiledRange range : ranges) {
            if (range.problem() != null) {
                problems = add(problems, range.problem());
                continue;
            }
            if (eco == null) {
                eco = new ParsedOnce(ecosystemScheme, text);
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
                problems = add(problems, p.error());
                continue;
            }
            String description = range.match(v);
            if (description == null) {
                continue;
            }
            if (firstMatch == null) {
                firstMatch = range;
                firstDescription = description;
            } else {
                otherMatches = add(otherMatches, range);
                otherDescriptions = add(otherDescriptions, description);
            }
        }
        if (firstMatch != null) {
            if (otherMatches == null) {
                return new RangeVerdict.Affected(firstDescription, firstMatch.fixedVersions());
            }
            List<CompiledRange> matched = new ArrayList<>();
            matched.add(firstMatch);
            matched.addAll(otherMatches);
            List<String> descriptions = new ArrayList<>();
            descriptions.add(firstDescription);
            descriptions.addAll(otherDescriptions);
            return new RangeVerdict.Affected(String.join("; ", descriptions), unionOfFixed(matched));
        }
        if (listed.contains(text)) {
            return new RangeVerdict.Affected("versions list", List.of());
        }
        if (!listedParsed.isEmpty()) {
            if (eco == null) {
                eco = new ParsedOnce(ecosystemScheme, text);
            }
            if (eco.version() != null) {
                int at = Collections.binarySearch(listedParsed, eco.version());
                if (at >= 0) {
                    return new RangeVerdict.Affected("versions list (\"" + listedParsed.get(at).text() + "\" by "
                            + ecosystemScheme.name() + " ordering)", List.of());
                }
            }
        }
        if (problems != null) {
            return new RangeVerdict.NotEvaluated(String.join("; ", problems));
        }
        if (!hasEvaluableRange && listed.isEmpty()) {
            return new RangeVerdict.NotEvaluated(hasGitRange
                    ? "only GIT ranges (commit hashes need the repository history) and no versions list"
                    : "the advisory lists neither ranges nor versions");
        }
        return new RangeVerdict.NotAffected();
    }

    private static <T> List<T> add(List<T> list, T item) {
        List<T> l = list == null ? new ArrayList<>() : list;
        l.add(item);
        return l;
    }

    // Fixed versions of several matched ranges, ascending when they share one scheme, each once.
    private static List<String> unionOfFixed(List<CompiledRange> matched) {
        List<Version> all = new ArrayList<>();
        boolean oneType = true;
        for (CompiledRange r : matched) {
            all.addAll(r.fixedParsed());
            oneType &= r.type() == matched.get(0).type();
        }
        if (oneType) {
            all.sort(Comparator.naturalOrder());
        }
        Set<String> texts = new LinkedHashSet<>();
        for (Version v : all) {
            texts.add(v.text());
        }
        return List.copyOf(texts);
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
