package dev.tandem.usecase.scan;

import dev.tandem.advisory.AdvisoryDatabase;
import dev.tandem.advisory.AdvisoryLoad;
import dev.tandem.advisory.KevCatalog;
import dev.tandem.advisory.KevEntry;
import dev.tandem.input.InputException;
import dev.tandem.advisory.nvd.CveRecordLoad;
import dev.tandem.match.CpeIndex;
import dev.tandem.match.Finding;
import dev.tandem.match.MatchResult;
import dev.tandem.match.Matcher;
import dev.tandem.match.MemoryCpeIndex;
import dev.tandem.match.PackageIndex;
import dev.tandem.match.SbomReport;
import dev.tandem.sbom.Sbom;
import dev.tandem.sbom.SbomReaders;
import dev.tandem.snapshot.CorruptSnapshotException;
import dev.tandem.snapshot.Snapshot;
import dev.tandem.snapshot.SnapshotIndex;
import dev.tandem.snapshot.SnapshotProvenance;
import dev.tandem.triage.Triage;
import dev.tandem.triage.TriageResult;
import dev.tandem.usecase.TandemVersion;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A scan: SBOMs matched against OSV advisories by package URL and against NVD and CVE records by
 * CPE (files, documents, a snapshot or loaded indexes), one finding per component and vulnerability,
 * known-exploited catalogues joined through CVE aliases (over a snapshot, laid over its own), every
 * finding given its stable id. Bad input is an {@link InputException} naming the document and
 * position; a malformed advisory record of a lenient load is a warning instead.
 */
public final class ScanUseCase {

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
        for (SbomInput input : request.sboms()) {
            switch (input) {
                case SbomInput.Document document -> {
                    sboms.add(SbomReaders.read(document.document()));
                    lines.add(SbomLines.of(document.document().content()));
                }
                case SbomInput.Parsed parsed -> {
                    sboms.add(parsed.sbom());
                    lines.add(SbomLines.none());
                }
            }
        }
        // The small inputs first: a bad KEV catalogue fails at once, not after a large advisory load.
        List<KevEntry> kev = OsvAdvisories.kev(request.kev());
        Advisories advisories = advisories(request.advisories(), request.records(), kev, request.kev());
        MatchResult matched;
        try {
            matched = new Matcher(advisories.index(), advisories.cpeIndex()).scan(sboms);
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
                stats.vulnerabilities(), stats.kevEntries(), stats.kevMatched(), advisories.index().packageCount(),
                advisories.sources(), advisories.kevSources(), stats.records(), stats.rejected(),
                advisories.cpeIndex().productCount(), advisories.recordSources());
        TriageResult triage = Triage.apply(matched.findings(), request.statements(),
                request.scannedAt().atZone(ZoneOffset.UTC).toLocalDate());
        List<String> warnings = new ArrayList<>(advisories.warnings());
        triage.expired().forEach(s -> warnings.add(Triage.describe(s) + " expired on " + s.expires()
                + "; it no longer suppresses"));
        triage.unmatched().stream().filter(s -> !triage.expired().contains(s))
                .forEach(s -> warnings.add(Triage.describe(s) + " matches no finding"));
        warnings.addAll(triage.conflicts());
        return new ScanResult(toolVersion, request.scannedAt(), scanned, summary, triage, warnings);
    }

    /** The advisories of a scan: the indexes to match against and what outputs say about them. */
    private record Advisories(PackageIndex index, CpeIndex cpeIndex, AdvisoryDatabase.Stats stats, List<String> sources,
            List<String> kevSources, List<String> recordSources, List<String> warnings) {
    }

    private static Advisories advisories(AdvisoryInput input, CveInput recordInput, List<KevEntry> kev,
            List<KevInput> kevInputs) throws InputException {
        List<String> kevSources = kevInputs.stream().map(KevInput::source).toList();
        return switch (input) {
            case AdvisoryInput.Osv osv -> {
                CveRecordLoad records = CveRecords.load(recordInput);
                AdvisoryLoad load = OsvAdvisories.load(osv);
                AdvisoryDatabase database = AdvisoryDatabase.build(CveRecords.advisories(load.advisories(), records), kev);
                List<String> warnings = new ArrayList<>(OsvAdvisories.warnings(load));
                warnings.addAll(CveRecords.warnings(records));
                yield new Advisories(PackageIndex.build(database), MemoryCpeIndex.build(database, records.records()),
                        database.stats(), osv.sources(), kevSources, recordInput.sources(), warnings);
            }
            case AdvisoryInput.SnapshotFile file -> overSnapshot(Snapshot.load(file.file()), kev, kevSources);
            case AdvisoryInput.LoadedSnapshot loaded -> overSnapshot(loaded.snapshot(), kev, kevSources);
            case AdvisoryInput.Index index -> new Advisories(index.index(), index.cpeIndex(), index.stats(),
                    index.sources(), index.kevSources(), index.recordSources(), List.of());
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
                provenance.recordSources(), List.of());
    }
}
