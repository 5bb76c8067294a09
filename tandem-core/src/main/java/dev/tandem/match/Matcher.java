package dev.tandem.match;

import dev.tandem.advisory.Vulnerability;
import dev.tandem.sbom.Component;
import dev.tandem.sbom.Sbom;
import dev.tandem.version.CompiledAffectedVersions;
import dev.tandem.version.RangeVerdict;
import dev.tandem.version.Version;
import dev.tandem.version.VersionScheme;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Matches SBOM components against a {@link PackageIndex} (OSV advisories, by package URL) and a
 * {@link CpeIndex} (NVD and CVE records, by CPE): a pure function from inputs to a
 * {@link MatchResult}. One finding per component and vulnerability: an OSV range and a CPE
 * configuration that find the same vulnerability (through its CVE alias) make one finding, matched
 * by OSV and confirmed by CPE. When an OSV advisory for the component's package decides that its
 * version is not affected, that verdict stands over a CPE configuration of the same vulnerability:
 * distributions backport fixes that NVD's version ranges cannot see (docs/matching.md#joining).
 */
public final class Matcher {

    private final PackageIndex index;
    private final CpeIndex cpeIndex;

    /** A matcher by package URL only. */
    public Matcher(PackageIndex index) {
        this(index, CpeIndex.EMPTY);
    }

    public Matcher(PackageIndex index, CpeIndex cpeIndex) {
        this.index = index;
        this.cpeIndex = cpeIndex;
    }

    public MatchResult scan(List<Sbom> sboms) {
        List<SbomReport> reports = new ArrayList<>(sboms.size());
        for (Sbom sbom : sboms) {
            reports.add(scan(sbom));
        }
        return new MatchResult(reports);
    }

    public SbomReport scan(Sbom sbom) {
        PreparedSbom prepared = PreparedSbom.of(sbom);
        List<Finding> findings = new ArrayList<>();
        List<UnmatchedComponent> unmatched = new ArrayList<>();
        List<UndecidedMatch> undecided = new ArrayList<>();
        List<Component> components = sbom.components();
        CpeIdentity[] cpes = null;
        SbomInventory inventory = new SbomInventory();
        if (!cpeIndex.isEmpty()) {
            cpes = new CpeIdentity[components.size()];
            for (int i = 0; i < components.size(); i++) {
                CpeIdentity cpe = CpeIdentities.of(components.get(i), prepared.identity(i), cpeIndex);
                cpes[i] = cpe;
                cpe.names().forEach(inventory::add);
            }
        }
        CpeMatcher cpeMatcher = new CpeMatcher(cpeIndex);
        FindingId.Maker ids = new FindingId.Maker(sbom.subject());
        PreparedSbom.Lookups lookups = prepared.lookups(index);
        Set<String> seenCpes = new HashSet<>();
        List<Integer> findingComponents = new ArrayList<>();
        for (int i = 0; i < components.size(); i++) {
            Component component = components.get(i);
            ComponentIdentity identity = prepared.identity(i);
            CpeIdentity cpe = cpes == null ? null : cpes[i];
            boolean byPackage = identity instanceof ComponentIdentity.Known;
            boolean byCpe = cpe != null && !cpe.names().isEmpty();
            if (!byPackage && !byCpe) {
                unmatched.add(new UnmatchedComponent(component, unmatchedReason(component, identity, cpe)));
                continue;
            }
            // The same component listed twice (nested copies) gives one finding per vulnerability, not two.
            if (byPackage ? prepared.repeatsPurl(i) : !seenCpes.add(FindingId.componentIdentity(component))) {
                continue;
            }
            List<IndexEntry> entries = byPackage ? lookups.of(i, index, ((ComponentIdentity.Known) identity).key())
                    : List.of();
            if (entries.isEmpty() && !byCpe) {
                continue; // most components: no advisory names their package
            }
            Verdicts verdicts = new Verdicts(prepared, i, component, ids);
            if (!entries.isEmpty()) {
                match(prepared, i, component, (ComponentIdentity.Known) identity, entries, verdicts);
            }
            if (byCpe) {
                join(sbom, component, cpe, cpeMatcher.match(cpe, inventory), verdicts);
            }
            verdicts.rememberIds();
            for (Finding finding : verdicts.findings.values()) {
                findings.add(finding);
                findingComponents.add(i);
            }
            undecided.addAll(verdicts.undecided.values());
        }
        return new SbomReport(sbom, sorted(findings, findingComponents, prepared.labelRanks(components)), unmatched,
                undecided, prepared.identities());
    }

    /**
     * Known exploited first, then by rating, component label and vulnerability id; the key worked
     * out once per finding rather than once per comparison, the label compared by its rank among the
     * SBOM's labels when the SBOM has been scanned before. Stable, like the list sort it replaces.
     */
    private static List<Finding> sorted(List<Finding> findings, List<Integer> components, int[] labelRanks) {
        SortKey[] keys = new SortKey[findings.size()];
        for (int i = 0; i < keys.length; i++) {
            Finding f = findings.get(i);
            keys[i] = new SortKey(f, !f.knownExploited(), f.rating().ordinal(),
                    labelRanks == null ? 0 : labelRanks[components.get(i)], f.component().label(), f.vulnerability().id());
        }
        java.util.Arrays.sort(keys, labelRanks == null ? SortKey.BY_LABEL : SortKey.BY_RANK);
        List<Finding> out = new ArrayList<>(keys.length);
        for (SortKey key : keys) {
            out.add(key.finding());
        }
        return out;
    }

    private record SortKey(Finding finding, boolean notExploited, int rating, int labelRank, String label, String id) {
        static final Comparator<SortKey> BY_LABEL = (a, b) -> {
            int c = Boolean.compare(a.notExploited, b.notExploited);
            if (c == 0) {
                c = Integer.compare(a.rating, b.rating);
            }
            if (c == 0) {
                c = a.label.compareTo(b.label);
            }
            return c != 0 ? c : a.id.compareTo(b.id);
        };
        /** The same order: equal labels have equal ranks, and ranks follow the labels' order. */
        static final Comparator<SortKey> BY_RANK = (a, b) -> {
            int c = Boolean.compare(a.notExploited, b.notExploited);
            if (c == 0) {
                c = Integer.compare(a.rating, b.rating);
            }
            if (c == 0) {
                c = Integer.compare(a.labelRank, b.labelRank);
            }
            return c != 0 ? c : a.id.compareTo(b.id);
        };
    }

    /** What the OSV advisories and the CPE configurations said about one component, by vulnerability id. */
    private static final class Verdicts {
        final Map<String, Finding> findings = new LinkedHashMap<>();
        final Map<String, UndecidedMatch> undecided = new LinkedHashMap<>();
        final Set<String> notAffectedByPackage = new HashSet<>();
        private final PreparedSbom prepared;
        private final int index;
        private final Component component;
        private final FindingId.Maker ids;
        private Map<String, FindingId> known; // the ids earlier scans made, read on the first finding
        private Map<String, FindingId> made;

        Verdicts(PreparedSbom prepared, int index, Component component, FindingId.Maker ids) {
            this.prepared = prepared;
            this.index = index;
            this.component = component;
            this.ids = ids;
        }

        /** The id of the component's finding of {@code vulnerabilityId}: made once per SBOM, component and vulnerability. */
        FindingId id(String vulnerabilityId) {
            if (known == null) {
                known = prepared.findingIds(index);
            }
            FindingId id = known.get(vulnerabilityId);
            if (id == null) {
                id = ids.of(prepared.idPrefix(index, component, ids), vulnerabilityId);
                if (made == null) {
                    made = new HashMap<>();
                }
                made.put(vulnerabilityId, id);
            }
            return id;
        }

        void rememberIds() {
            if (made != null) {
                prepared.rememberFindingIds(index, known, made);
            }
        }
    }

    private String unmatchedReason(Component component, ComponentIdentity identity, CpeIdentity cpe) {
        String reason = identity instanceof ComponentIdentity.Unmatchable u ? u.reason() : "";
        if (cpe == null) {
            return component.cpe().isBlank() ? reason
                    : reason + "; its CPE can be matched only against NVD or CVE records, and none were given";
        }
        if (cpe instanceof CpeIdentity.None none && !none.reason().isEmpty()) {
            return reason.isEmpty() ? none.reason() : reason + "; " + none.reason();
        }
        return reason;
    }

    private void join(Sbom sbom, Component component, CpeIdentity identity, Map<String, CpeMatcher.Result> results,
            Verdicts verdicts) {
        boolean inferred = identity instanceof CpeIdentity.Inferred;
        String inferredBy = identity instanceof CpeIdentity.Inferred i ? i.rule() : "";
        for (Map.Entry<String, CpeMatcher.Result> entry : results.entrySet()) {
            String id = entry.getKey();
            CpeMatcher.Result result = entry.getValue();
            if (result.affected()) {
                CpeEvidence evidence = new CpeEvidence(result.cpe.formatted(), inferred, inferredBy,
                        List.copyOf(result.criteria), List.copyOf(result.records));
                Finding byPackage = verdicts.findings.get(id);
                if (byPackage != null) {
                    verdicts.findings.put(id, byPackage.withCpe(evidence));
                } else if (!verdicts.notAffectedByPackage.contains(id)) {
                    List<String> fixed = new ArrayList<>(result.fixedIn);
                    fixed.sort(dev.tandem.cpe.CpeVersion.ORDER);
                    verdicts.undecided.remove(id);
                    verdicts.findings.put(id, new Finding(component,
                            new PackageKey("CPE", result.cpe.part().letter() + ":" + result.cpe.vendorProduct()),
                            result.vulnerability, List.copyOf(result.records), MatchSource.CPE, result.rule, fixed, "",
                            verdicts.id(result.vulnerability.id()), evidence));
                }
            } else if (!verdicts.findings.containsKey(id) && !verdicts.notAffectedByPackage.contains(id)
                    && !verdicts.undecided.containsKey(id)) {
                verdicts.undecided.put(id, new UndecidedMatch(component, id, result.undecidedRecord,
                        result.undecidedReason, MatchSource.CPE, result.cpe.formatted()));
            }
        }
    }

    private void match(PreparedSbom prepared, int at, Component component, ComponentIdentity.Known known,
            List<IndexEntry> entries, Verdicts verdicts) {
        Map<String, Accumulated> byVulnerability = new LinkedHashMap<>();
        ParsedVersion parsed = new ParsedVersion(prepared, at, known.version());
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
            String id = acc.vulnerability.id();
            if (acc.advisoryIds != null) {
                String note = acc.releaseUnknown
                        ? "distribution release not given in the purl (distro qualifier); matched against every release"
                        : "";
                verdicts.findings.put(id, new Finding(component, known.key(), acc.vulnerability,
                        List.copyOf(acc.advisoryIds), MatchSource.OSV, acc.matchedBy, List.copyOf(acc.fixedIn), note,
                        verdicts.id(id), null));
            } else if (acc.undecidedAdvisory != null && !acc.decidedNotAffected) {
                verdicts.undecided.put(id, new UndecidedMatch(component, id, acc.undecidedAdvisory,
                        acc.undecidedReason));
            } else if (acc.decidedNotAffected) {
                verdicts.notAffectedByPackage.add(id);
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
        private final PreparedSbom prepared;
        private final int component;
        private final String text;
        private VersionScheme scheme;
        private Version version;

        ParsedVersion(PreparedSbom prepared, int component, String text) {
            this.prepared = prepared;
            this.component = component;
            this.text = text;
        }

        RangeVerdict evaluate(CompiledAffectedVersions versions) {
            VersionScheme ordering = versions.ecosystemScheme();
            if (ordering != null && text != null && !text.isBlank()) {
                if (ordering != scheme) {
                    scheme = ordering;
                    version = prepared.version(component, ordering, text); // kept with the SBOM between scans
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
        // Made on the first affected verdict: most vulnerabilities of a package do not affect a given version.
        Set<String> advisoryIds;
        Set<String> fixedIn; // ascending as the evaluator reports it
        String matchedBy = "";
        boolean releaseUnknown;
        boolean decidedNotAffected;
        String undecidedAdvisory;
        String undecidedReason;

        Accumulated(Vulnerability vulnerability) {
            this.vulnerability = vulnerability;
        }

        void affected(IndexEntry entry, RangeVerdict.Affected verdict, boolean releaseGuessed) {
            if (advisoryIds == null) {
                advisoryIds = new TreeSet<>();
                fixedIn = new LinkedHashSet<>();
            }
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

    /**
     * True when a scan against {@code cpeIndex} matches {@code component} by CPE: records are loaded
     * and the component has a CPE, given or inferred (docs/matching.md#cpe-identity).
     */
    public static boolean matchesByCpe(Component component, CpeIndex cpeIndex) {
        return !cpeIndex.isEmpty() && matchesByCpe(component, PurlIdentities.of(component), cpeIndex);
    }

    /** {@link #matchesByCpe(Component, CpeIndex)} for a component whose package identity is known already. */
    public static boolean matchesByCpe(Component component, ComponentIdentity identity, CpeIndex cpeIndex) {
        return !cpeIndex.isEmpty() && !(CpeIdentities.of(component, identity, cpeIndex) instanceof CpeIdentity.None);
    }
}
