package dev.tandem.usecase.scan;

import dev.tandem.advisory.AdvisoryDatabase;
import dev.tandem.advisory.AdvisoryLoad;
import dev.tandem.advisory.AdvisoryRetention;
import dev.tandem.advisory.EpssData;
import dev.tandem.advisory.EpssProvenance;
import dev.tandem.advisory.EpssReader;
import dev.tandem.advisory.EpssScore;
import dev.tandem.advisory.KevCatalog;
import dev.tandem.advisory.KevEntry;
import dev.tandem.advisory.Vulnerability;
import dev.tandem.input.InputException;
import dev.tandem.lockfile.Lockfiles;
import dev.tandem.advisory.nvd.CveRecordLoad;
import dev.tandem.match.CpeIndex;
import dev.tandem.match.Finding;
import dev.tandem.match.FindingId;
import dev.tandem.match.MatchResult;
import dev.tandem.match.Matcher;
import dev.tandem.match.MemoryCpeIndex;
import dev.tandem.match.PackageIndex;
import dev.tandem.match.SbomReport;
import dev.tandem.sbom.Sbom;
import dev.tandem.sbom.SbomDocument;
import dev.tandem.ai.AiComponent;
import dev.tandem.ai.AiInventory;
import dev.tandem.snapshot.CorruptSnapshotException;
import dev.tandem.snapshot.Snapshot;
import dev.tandem.snapshot.SnapshotIndex;
import dev.tandem.snapshot.SnapshotProvenance;
import dev.tandem.triage.IgnoreFile;
import dev.tandem.triage.Statement;
import dev.tandem.triage.Triage;
import dev.tandem.triage.TriageResult;
import dev.tandem.usecase.Provenance;
import dev.tandem.usecase.TandemVersion;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A scan: SBOMs matched against OSV advisories by package URL and against NVD and CVE records by
 * CPE (files, documents, a snapshot or loaded indexes), one finding per component and vulnerability,
 * known-exploited catalogues joined through CVE aliases (over a snapshot, laid over its own), every
 * finding given its stable id, its EPSS score where one is loaded, triage statements applied, the
 * coverage of the SBOMs worked out, and the findings compared with a previous scan when one is
 * given. Bad input is an {@link InputException} naming the document and position; a malformed
 * advisory record of a lenient load is a warning instead.
 */
public final class ScanUseCase {

    /** A snapshot older than this when the scan runs is stale enough to say so. */
    private static final Duration STALE_SNAPSHOT = Duration.ofDays(7);

    private final String toolVersion;

    /** A scan reporting this build of Tandem as its producer. */
    public ScanUseCase() {
        this(TandemVersion.current());
    }

    /** A scan reporting {@code toolVersion} as its producer. */
    public ScanUseCase(String toolVersion) {
        this.toolVersion = toolVersion;
    }

    public ScanResult run(ScanRequest request) throws InputException {
        List<Sbom> sboms = new ArrayList<>(request.sboms().size());
        List<SbomLines> lines = new ArrayList<>(request.sboms().size());
        List<String> lockfileWarnings = new ArrayList<>();
        List<AiComponent> ai = new ArrayList<>();
        for (SbomInput input : request.sboms()) {
            switch (input) {
                case SbomInput.Document document -> {
                    sboms.add(parse(document, ai));
                    lines.add(SbomLines.of(document.document().content()));
                }
                case SbomInput.Parsed parsed -> {
                    sboms.add(parsed.sbom());
                    lines.add(SbomLines.none());
                    ai.addAll(AiInventory.of(parsed.sbom(), null));
                }
                case SbomInput.Lockfile lockfile -> {
                    dev.tandem.lockfile.Lockfile read = Lockfiles.read(lockfile.documents());
                    sboms.add(read.sbom());
                    lines.add(SbomLines.known(read.purlLines()));
                    read.warnings().forEach(w -> lockfileWarnings.add(read.source() + ": " + w));
                }
            }
        }
        // The small inputs first: a bad KEV catalogue, EPSS file or baseline fails at once, not after a large advisory load.
        OsvAdvisories.Kev kev = OsvAdvisories.kev(request.kev());
        List<Statement> statements = new ArrayList<>(request.statements());
        if (request.ignoreFile() != null) {
            statements.addAll(IgnoreFile.read(request.ignoreFile()));
        }
        BaselineReader.Baseline baseline = request.baseline() == null ? null : BaselineReader.read(request.baseline());
        EpssData epssFile = request.epss() == null ? null
                : EpssReader.read(request.epss().source(), request.epss().content());
        Advisories advisories = advisories(request.advisories(), request.records(), kev.entries(), request.kev());
        EpssData epss = epssFile != null ? epssFile : advisories.epss();
        MatchResult matched;
        Map<FindingId, EpssScore> epssScores;
        try {
            matched = new Matcher(advisories.index(), advisories.cpeIndex()).scan(sboms);
            epssScores = epss == null ? Map.of() : epssScores(matched.findings(), epss);
        } catch (CorruptSnapshotException e) {
            throw e.input();
        }
        List<ScanResult.ScannedSbom> scanned = new ArrayList<>(sboms.size());
        for (int i = 0; i < matched.reports().size(); i++) {
            SbomReport report = matched.reports().get(i);
            Map<String, Integer> purlLines = new HashMap<>();
            for (Finding finding : report.findings()) {
                String locator = ScanResult.ScannedSbom.locator(finding.component());
                purlLines.computeIfAbsent(locator, lines.get(i)::lineOf);
            }
            scanned.add(new ScanResult.ScannedSbom(report, purlLines));
        }
        AdvisoryDatabase.Stats stats = advisories.stats();
        ScanResult.AdvisorySummary summary = new ScanResult.AdvisorySummary(stats.advisories(), stats.withdrawn(),
                stats.vulnerabilities(), stats.kevEntries(), stats.kevMatched(), stats.unmatchedKev(),
                advisories.index().packageCount(), advisories.sources(), advisories.kevSources(), stats.records(),
                stats.rejected(), advisories.cpeIndex().productCount(), advisories.recordSources());
        TriageResult triage = Triage.apply(matched.findings(), statements,
                request.scannedAt().atZone(ZoneOffset.UTC).toLocalDate());
        Coverage coverage = CoverageCheck.of(matched.reports(), advisories.index().ecosystemAdvisories(),
                advisories.cpeIndex());
        BaselineComparison comparison = baseline == null ? null : compare(baseline, matched.findings());

        List<String> warnings = new ArrayList<>(lockfileWarnings);
        warnings.addAll(advisories.warnings());
        warnings.addAll(kev.warnings());
        if (advisories.builtAt() != null && advisories.builtAt().plus(STALE_SNAPSHOT).isBefore(request.scannedAt())) {
            long days = Duration.between(advisories.builtAt(), request.scannedAt()).toDays();
            warnings.add("the advisory snapshot was built " + days + " days before this scan ("
                    + advisories.builtAt().atZone(ZoneOffset.UTC).toLocalDate() + "); advisories and KEV entries "
                    + "published since are missing: refresh it");
        }
        triage.expired().forEach(s -> warnings.add(Triage.describe(s) + " expired on " + s.expires()
                + "; it no longer suppresses"));
        triage.unmatched().stream().filter(s -> !triage.expired().contains(s))
                .forEach(s -> warnings.add(Triage.describe(s) + " matches no finding"));
        warnings.addAll(triage.conflicts());
        warnings.addAll(CoverageCheck.warnings(coverage));
        return new ScanResult(toolVersion, request.scannedAt(), scanned, summary, triage, warnings,
                epss == null ? null : EpssProvenance.of(epss), epssScores, coverage, comparison,
                new Provenance(request.scannedAt(), request.scannedAt().toString(), toolVersion, null,
                        inputs(request, sboms, advisories)), ai);
    }

    /**
     * The SBOMs, KEV catalogues, ignore file, EPSS scores and baseline hashed; the advisories and the triage
     * statements' files named (a folder, a snapshot or statements already parsed are not one document handed
     * to the scan).
     */
    private static List<Provenance.Input> inputs(ScanRequest request, List<Sbom> sboms, Advisories advisories) {
        List<Provenance.Input> inputs = new ArrayList<>();
        for (int i = 0; i < request.sboms().size(); i++) {
            inputs.add(switch (request.sboms().get(i)) {
                case SbomInput.Document document -> Provenance.Input.of("SBOM", document.document());
                case SbomInput.Parsed parsed -> Provenance.Input.named("SBOM", sboms.get(i).source());
                case SbomInput.Lockfile lockfile -> Provenance.Input.of("lockfile", lockfile.documents().lockfile());
            });
            if (request.sboms().get(i) instanceof SbomInput.Lockfile lockfile) {
                inputs.addAll(Provenance.Input.of("lockfile companion", lockfile.documents().companions()));
            }
        }
        switch (request.advisories()) {
            case AdvisoryInput.Documents documents -> inputs.addAll(Provenance.Input.of("OSV advisory", documents.documents()));
            case AdvisoryInput.SnapshotFile file -> inputs.add(Provenance.Input.named("advisory snapshot", file.file().toString()));
            default -> advisories.sources().forEach(s -> inputs.add(Provenance.Input.named("advisories", s)));
        }
        switch (request.records()) {
            case CveInput.Documents documents -> inputs.addAll(Provenance.Input.of("NVD or CVE record", documents.documents()));
            case CveInput.Paths paths -> paths.sources().forEach(s -> inputs.add(Provenance.Input.named("NVD or CVE records", s)));
        }
        for (KevInput kev : request.kev()) {
            inputs.addAll(Provenance.Input.of("known-exploited catalogue", kev.documents()));
        }
        if (request.epss() != null) {
            inputs.add(Provenance.Input.of("EPSS scores", request.epss()));
        }
        if (request.ignoreFile() != null) {
            inputs.add(Provenance.Input.of("ignore file", request.ignoreFile()));
        }
        if (request.baseline() != null) {
            inputs.add(Provenance.Input.of("baseline (previous scan)", request.baseline()));
        }
        request.statements().stream().map(Statement::source).distinct()
                .forEach(source -> inputs.add(Provenance.Input.named("triage statements", source)));
        return inputs;
    }

    /**
     * The SBOM of a document, its AI components added to {@code ai}. Details (model cards, references)
     * are read only for SBOMs that list AI components; the parse is dropped before the next input.
     */
    private static Sbom parse(SbomInput.Document document, List<AiComponent> ai) throws InputException {
        SbomDocument parsed = SbomDocument.parse(document.document());
        Sbom sbom = parsed.sbom();
        if (AiInventory.hasAiComponents(sbom)) {
            ai.addAll(AiInventory.of(sbom, parsed.details().orElse(null)));
        }
        return sbom;
    }

    /**
     * Each finding's EPSS: the highest score among the CVE ids of its vulnerability (its id and CVE
     * aliases), the way an alias group is one vulnerability everywhere else.
     */
    private static Map<FindingId, EpssScore> epssScores(List<Finding> findings, EpssData epss) {
        Map<String, EpssScore> byVulnerability = new HashMap<>();
        Map<FindingId, EpssScore> scores = new HashMap<>();
        for (Finding finding : findings) {
            Vulnerability vulnerability = finding.vulnerability();
            EpssScore best = byVulnerability.computeIfAbsent(vulnerability.id(), id -> highest(vulnerability, epss));
            if (best != null) {
                scores.put(finding.findingId(), best);
            }
        }
        return scores;
    }

    /**
     * A vulnerability's EPSS score as a finding of it carries it: the highest among its CVE ids (its
     * id and CVE aliases); null when none is scored.
     */
    public static EpssScore highest(Vulnerability vulnerability, EpssData epss) {
        Set<String> ids = new LinkedHashSet<>();
        ids.add(vulnerability.id());
        ids.addAll(vulnerability.aliases());
        EpssScore best = null;
        for (String id : ids) {
            if (!id.regionMatches(true, 0, "CVE-", 0, 4)) {
                continue;
            }
            EpssScore score = epss.lookup(id).orElse(null);
            if (score != null && (best == null || score.score() > best.score())) {
                best = score;
            }
        }
        return best;
    }

    private static BaselineComparison compare(BaselineReader.Baseline baseline, List<Finding> findings) {
        Set<FindingId> before = new LinkedHashSet<>();
        baseline.findings().forEach(f -> before.add(f.findingId()));
        Set<FindingId> now = new LinkedHashSet<>();
        findings.forEach(f -> now.add(f.findingId()));
        Set<FindingId> added = new LinkedHashSet<>();
        Set<FindingId> unchanged = new LinkedHashSet<>();
        for (FindingId id : now) {
            (before.contains(id) ? unchanged : added).add(id);
        }
        List<BaselineFinding> fixed = new ArrayList<>();
        Set<FindingId> listed = new java.util.HashSet<>();
        for (BaselineFinding finding : baseline.findings()) {
            if (!now.contains(finding.findingId()) && listed.add(finding.findingId())) {
                fixed.add(finding);
            }
        }
        int newCount = (int) findings.stream().filter(f -> added.contains(f.findingId())).count();
        return new BaselineComparison(baseline.source(), baseline.scannedAt(), added, unchanged, fixed, newCount,
                findings.size() - newCount);
    }

    /**
     * The advisories of a scan: the indexes to match against, what outputs say about them, the EPSS
     * scores they carry (a snapshot's; null otherwise) and when they were built (a snapshot's; null otherwise).
     */
    private record Advisories(PackageIndex index, CpeIndex cpeIndex, AdvisoryDatabase.Stats stats, List<String> sources,
            List<String> kevSources, List<String> recordSources, List<String> warnings, EpssData epss,
            java.time.Instant builtAt) {
    }

    private static Advisories advisories(AdvisoryInput input, CveInput recordInput, List<KevEntry> kev,
            List<KevInput> kevInputs) throws InputException {
        List<String> kevSources = kevInputs.stream().map(KevInput::source).toList();
        return switch (input) {
            case AdvisoryInput.Osv osv -> {
                CveRecordLoad records = CveRecords.load(recordInput);
                AdvisoryLoad load = OsvAdvisories.load(osv, AdvisoryRetention.SCAN);
                AdvisoryDatabase database = AdvisoryDatabase.build(CveRecords.advisories(load.advisories(), records), kev);
                List<String> warnings = new ArrayList<>(OsvAdvisories.warnings(load));
                warnings.addAll(CveRecords.warnings(records));
                yield new Advisories(PackageIndex.build(database), MemoryCpeIndex.build(database, records.records()),
                        database.stats(), osv.sources(), kevSources, recordInput.sources(), warnings, null, null);
            }
            case AdvisoryInput.SnapshotFile file -> overSnapshot(Snapshot.load(file.file()), kev, kevSources);
            case AdvisoryInput.LoadedSnapshot loaded -> overSnapshot(loaded.snapshot(), kev, kevSources);
            case AdvisoryInput.Index index -> new Advisories(index.index(), index.cpeIndex(), index.stats(),
                    index.sources(), index.kevSources(), index.recordSources(), List.of(), index.epss(), null);
        };
    }

    /** A snapshot's index with fresher KEV laid over it: each catalogue given replaces the snapshot's. */
    private static Advisories overSnapshot(Snapshot snapshot, List<KevEntry> kev, List<String> kevInputSources)
            throws InputException {
        SnapshotIndex index;
        try {
            index = snapshot.index(kev);
        } catch (CorruptSnapshotException e) {
            throw e.input();
        }
        SnapshotProvenance provenance = snapshot.info().provenance();
        List<String> kevSources = new ArrayList<>();
        if (kev.isEmpty()) {
            kevSources.addAll(provenance.kevSources());
        } else {
            Set<KevCatalog> replaced = EnumSet.noneOf(KevCatalog.class);
            kev.forEach(entry -> replaced.add(entry.catalog()));
            snapshot.kevEntries().stream().filter(entry -> !replaced.contains(entry.catalog()))
                    .map(KevEntry::source).distinct().forEach(kevSources::add);
            kevSources.addAll(kevInputSources);
        }
        return new Advisories(index, index, index.stats(), provenance.advisorySources(), kevSources,
                provenance.recordSources(), List.of(), snapshot.epss().orElse(null), provenance.builtAt());
    }
}
