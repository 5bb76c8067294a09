package dev.tandem.usecase.scan;

import dev.tandem.advisory.EpssProvenance;
import dev.tandem.advisory.EpssScore;
import dev.tandem.triage.TriageResult;
import dev.tandem.match.Finding;
import dev.tandem.match.FindingId;
import dev.tandem.match.SbomReport;
import dev.tandem.sbom.Sbom;
import dev.tandem.usecase.Provenance;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The outcome of a scan and the one model every scan output is drawn from: per SBOM its findings
 * (each with its stable id), unmatched components and undecided matches, the lines where the SBOM
 * names each vulnerable component, what the advisory set held and where it came from, what triage
 * statements said about the findings (suppressed ones stay in the result, marked), warnings,
 * the producing tool's version and the time of the scan; the EPSS scores of the findings and where
 * they came from (null when none were loaded), how much of the SBOMs the advisories covered, and
 * the comparison with a previous scan (null when there was none).
 */
public record ScanResult(String toolVersion, Instant scannedAt, List<ScannedSbom> sboms, AdvisorySummary advisories,
        TriageResult triage, List<String> warnings, EpssProvenance epss, Map<FindingId, EpssScore> epssScores,
        Coverage coverage, BaselineComparison baseline, Provenance provenance) {

    public ScanResult {
        Objects.requireNonNull(triage, "triage");
        Objects.requireNonNull(toolVersion, "toolVersion");
        Objects.requireNonNull(scannedAt, "scannedAt");
        sboms = List.copyOf(sboms);
        Objects.requireNonNull(advisories, "advisories");
        warnings = List.copyOf(warnings);
        epssScores = Map.copyOf(epssScores);
        Objects.requireNonNull(coverage, "coverage");
        Objects.requireNonNull(provenance, "provenance");
    }

    /** A result whose inputs are not known (hand-built): generated and evaluated at {@code scannedAt}. */
    public ScanResult(String toolVersion, Instant scannedAt, List<ScannedSbom> sboms, AdvisorySummary advisories,
            TriageResult triage, List<String> warnings, EpssProvenance epss, Map<FindingId, EpssScore> epssScores,
            Coverage coverage, BaselineComparison baseline) {
        this(toolVersion, scannedAt, sboms, advisories, triage, warnings, epss, epssScores, coverage, baseline,
                new Provenance(scannedAt, scannedAt.toString(), toolVersion, null, List.of()));
    }

    /** A finding and the scanned SBOM it was found in. */
    public record Located(ScannedSbom sbom, Finding finding) {
    }

    /**
     * The scan of one SBOM, with the 1-based line of its document where each vulnerable component's
     * purl is written (for outputs that point into the SBOM).
     */
    public record ScannedSbom(SbomReport report, Map<String, Integer> purlLines) {
        public ScannedSbom {
            Objects.requireNonNull(report, "report");
            purlLines = Map.copyOf(purlLines);
        }

        public Sbom sbom() {
            return report.sbom();
        }

        /** The line where the document writes {@code purl}; 1 when it was not found or the text was not given. */
        public int lineOf(String purl) {
            return purlLines.getOrDefault(purl, 1);
        }
    }

    /**
     * What the advisory set held: advisories read (withdrawn ones included), vulnerabilities after
     * alias merging, KEV entries, the CVEs they name that joined an advisory and those that joined
     * none (an entry per catalogue, so two catalogues naming one CVE are two entries and one CVE),
     * indexed packages; and the advisory and KEV inputs as given (for a snapshot without fresher
     * KEV, those it was built from).
     */
    public record AdvisorySummary(long advisories, long withdrawn, long vulnerabilities, long kevEntries,
            long kevMatched, long kevUnmatched, long indexedPackages, List<String> sources, List<String> kevSources) {
        public AdvisorySummary {
            sources = List.copyOf(sources);
            kevSources = List.copyOf(kevSources);
        }

        /** The distinct CVEs the KEV entries name. */
        public long kevCves() {
            return kevMatched + kevUnmatched;
        }
    }

    /** One report per SBOM, in the order the SBOMs were given. */
    public List<SbomReport> reports() {
        return sboms.stream().map(ScannedSbom::report).toList();
    }

    /**
     * Every finding, the known-exploited ones of all SBOMs first (SBOM by SBOM), then the others
     * (SBOM by SBOM, each SBOM's in severity order): what needs action today leads every output.
     */
    public List<Finding> findings() {
        return located().stream().map(Located::finding).toList();
    }

    /** {@link #findings()} with the SBOM each was found in. */
    public List<Located> located() {
        List<Located> exploited = new java.util.ArrayList<>();
        List<Located> others = new java.util.ArrayList<>();
        for (ScannedSbom sbom : sboms) {
            for (Finding finding : sbom.report().findings()) {
                (finding.knownExploited() ? exploited : others).add(new Located(sbom, finding));
            }
        }
        exploited.addAll(others);
        return List.copyOf(exploited);
    }

    /** The finding's EPSS score (the highest of its CVE ids), empty when none is loaded for it. */
    public java.util.Optional<EpssScore> epssOf(Finding finding) {
        return java.util.Optional.ofNullable(epssScores.get(finding.findingId()));
    }

    public long knownExploitedCount() {
        return findings().stream().filter(Finding::knownExploited).count();
    }

    /** Components of every SBOM, as listed (nested ones included). */
    public long componentCount() {
        return sboms.stream().mapToLong(s -> s.sbom().components().size()).sum();
    }

    public long unmatchedCount() {
        return sboms.stream().mapToLong(s -> s.report().unmatched().size()).sum();
    }

    public long undecidedCount() {
        return sboms.stream().mapToLong(s -> s.report().undecided().size()).sum();
    }

    /** True when the finding was taken out of what needs action by a triage statement. */
    public boolean suppressed(Finding finding) {
        return triage.isSuppressed(finding.findingId());
    }

    public long suppressedCount() {
        return findings().stream().filter(this::suppressed).count();
    }

    /** True when any finding that is not suppressed is at or above the threshold. */
    public boolean anyAtOrAbove(FailThreshold threshold) {
        return anyMeets(new FailCondition.Level(threshold));
    }

    /** True when any finding that is not suppressed meets the condition. */
    public boolean anyMeets(FailCondition condition) {
        return findings().stream().filter(f -> !suppressed(f))
                .anyMatch(f -> condition.isMetBy(f, epssScores.get(f.findingId())));
    }
}
