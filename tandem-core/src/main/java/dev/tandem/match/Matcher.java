package dev.tandem.match;

import dev.tandem.advisory.Vulnerability;
import dev.tandem.sbom.Component;
import dev.tandem.sbom.Sbom;
import dev.tandem.version.CompiledAffectedVersions;
import dev.tandem.version.InvalidVersionException;
import dev.tandem.version.RangeVerdict;
import dev.tandem.version.Version;
import dev.tandem.version.VersionScheme;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Matches SBOM components against a {@link PackageIndex}: a pure function from inputs to a {@link MatchResult}. */
public final class Matcher {

    private final PackageIndex index;

    public Matcher(PackageIndex index) {
        this.index = index;
    }

    public MatchResult scan(List<Sbom> sboms) {
        List<SbomReport> reports = new ArrayList<>(sboms.size());
        for (Sbom sbom : sboms) {
            reports.add(scan(sbom));
        }
        return new MatchResult(reports);
    }

    public SbomReport scan(Sbom sbom) {
        List<Finding> findings = new ArrayList<>();
        List<UnmatchedComponent> unmatched = new ArrayList<>();
        List<UndecidedMatch> undecided = new ArrayList<>();
        Set<String> seenPurls = new HashSet<>();
        for (Component component : sbom.components()) {
            switch (PurlIdentities.of(component)) {
                case ComponentIdentity.Unmatchable u -> unmatched.add(new UnmatchedComponent(component, u.reason()));
                case ComponentIdentity.Known known -> {
                    // The same package listed twice (nested copies) is one finding, not two.
                    if (seenPurls.add(component.purl())) {
                        match(sbom, component, known, findings, undecided);
                    }
                }
            }
        }
        findings.sort(Comparator.comparing((Finding f) -> !f.knownExploited())
                .thenComparing(f -> f.rating().ordinal())
                .thenComparing(f -> f.component().label())
                .thenComparing(f -> f.vulnerability().id()));
        return new SbomReport(sbom, findings, unmatched, undecided);
    }

    private void match(Sbom sbom, Component component, ComponentIdentity.Known known, List<Finding> findings,
            List<UndecidedMatch> undecided) {
        List<IndexEntry> entries = index.lookup(known.key());
        if (entries.isEmpty()) {
            return;
        }
        Map<String, Accumulated> byVulnerability = new LinkedHashMap<>();
        ParsedVersion parsed = new ParsedVersion(known.version());
        for (IndexEntry entry : entries) {
            if (!releaseApplies(entry.release(), known.release())) {
                continue;
            }
            Accumulated acc = byVulnerability.computeIfAbsent(entry.vulnerability().id(),
                    id -> new Accumulated(entry.vulnerability()));
            if (entry.versions() == null) {
                acc.undecided(entry.advisory().id(), entry.unevaluable());
                continue;
            }
            switch (parsed.evaluate(entry.versions())) {
                case RangeVerdict.Affected affected -> acc.affected(entry, affected,
                        !entry.release().isEmpty() && known.release().isEmpty());
                case RangeVerdict.NotAffected notAffected -> acc.notAffected();
                case RangeVerdict.NotEvaluated notEvaluated -> acc.undecided(entry.advisory().id(), notEvaluated.reason());
            }
        }
        for (Accumulated acc : byVulnerability.values()) {
            if (!acc.advisoryIds.isEmpty()) {
                String note = acc.releaseUnknown
                        ? "distribution release not given in the purl (distro qualifier); matched against every release"
                        : "";
                findings.add(new Finding(component, known.key(), acc.vulnerability, List.copyOf(acc.advisoryIds),
                        acc.matchedBy, List.copyOf(acc.fixedIn), note,
                        FindingId.of(sbom.subject(), component, acc.vulnerability.id())));
            } else if (acc.undecidedAdvisory != null && !acc.decidedNotAffected) {
                undecided.add(new UndecidedMatch(component, acc.vulnerability.id(), acc.undecidedAdvisory,
                        acc.undecidedReason));
            }
        }
    }

    /** An advisory limited to one release applies to a component of that release, or of an unknown one. */
    static boolean releaseApplies(String advisoryRelease, String componentRelease) {
        return advisoryRelease.isEmpty() || componentRelease.isEmpty() || advisoryRelease.equals(componentRelease);
    }

    /**
     * The component's version parsed once per scheme rather than once per entry: a popular package
     * has dozens of entries, all ordered by the same scheme. Falls back to the evaluator's own
     * parsing (and its error wording) when the scheme rejects the version.
     */
    private static final class ParsedVersion {
        private final String text;
        private VersionScheme scheme;
        private Version version;

        ParsedVersion(String text) {
            this.text = text;
        }

        RangeVerdict evaluate(CompiledAffectedVersions versions) {
            VersionScheme ordering = versions.ecosystemScheme();
            if (ordering != null && text != null && !text.isBlank()) {
                if (ordering != scheme) {
                    scheme = ordering;
                    try {
                        version = ordering.parse(text);
                    } catch (InvalidVersionException e) {
                        version = null;
                    }
                }
                if (version != null && version.text().equals(text)) {
                    return versions.evaluate(version);
                }
            }
            return versions.evaluate(text);
        }
    }

    /** What the advisories of one vulnerability said about one component. */
    private static final class Accumulated {
        final Vulnerability vulnerability;
        final Set<String> advisoryIds = new TreeSet<>();
        final Set<String> fixedIn = new LinkedHashSet<>(); // ascending as the evaluator reports it
        String matchedBy = "";
        boolean releaseUnknown;
        boolean decidedNotAffected;
        String undecidedAdvisory;
        String undecidedReason;

        Accumulated(Vulnerability vulnerability) {
            this.vulnerability = vulnerability;
        }

        void affected(IndexEntry entry, RangeVerdict.Affected verdict, boolean releaseGuessed) {
            advisoryIds.add(entry.advisory().id());
            if (matchedBy.isEmpty()) {
                matchedBy = entry.advisory().id() + ": " + verdict.matchedBy();
            }
            fixedIn.addAll(verdict.fixedIn());
            releaseUnknown |= releaseGuessed;
        }

        void notAffected() {
            decidedNotAffected = true;
        }

        void undecided(String advisoryId, String reason) {
            if (undecidedAdvisory == null) {
                undecidedAdvisory = advisoryId;
                undecidedReason = reason;
            }
        }
    }
}
