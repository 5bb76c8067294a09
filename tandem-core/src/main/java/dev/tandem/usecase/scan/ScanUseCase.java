package dev.tandem.usecase.scan;

import dev.tandem.triage.Triage;
import dev.tandem.triage.TriageResult;
import java.time.ZoneOffset;
import dev.tandem.advisory.AdvisoryDatabase;
import dev.tandem.advisory.AdvisoryLoad;
import dev.tandem.advisory.KevCatalog;
import dev.tandem.advisory.KevEntry;
import dev.tandem.input.InputException;
import dev.tandem.match.Finding;
import dev.tandem.match.MatchResult;
import dev.tandem.match.Matcher;
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
import dev.tandem.usecase.TandemVersion;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A scan: SBOMs matched against OSV advisories (files, documents, a snapshot or a loaded index),
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
            }
        }
        // The small inputs first: a bad KEV catalogue fails at once, not after a large advisory load.
        List<KevEntry> kev = OsvAdvisories.kev(request.kev());
        Advisories advisories = advisories(request.advisories(), kev, request.kev());
        MatchResult matched;
        try {
            matched = new Matcher(advisories.index()).scan(sboms);
        } catch (CorruptSnapshotException e) {
            throw e.input();
        }
        List<ScanResult.ScannedSbom> scanned = new ArrayList<>(sboms.size());
        for (int i = 0; i < matched.reports().size(); i++) {
            SbomReport report = matched.reports().get(i);
            Map<String, Integer> purlLines = new HashMap<>();
            for (Finding finding : report.findings()) {
                String purl = finding.component().purl();
                purlLines.computeIfAbsent(purl, lines.get(i)::lineOf);
            }
            scanned.add(new ScanResult.ScannedSbom(report, purlLines));
        }
        AdvisoryDatabase.Stats stats = advisories.stats();
        ScanResult.AdvisorySummary summary = new ScanResult.AdvisorySummary(stats.advisories(), stats.withdrawn(),
                stats.vulnerabilities(), stats.kevEntries(), stats.kevMatched(), advisories.index().packageCount(),
                advisories.sources(), advisories.kevSources());
        TriageResult triage = Triage.apply(matched.findings(), request.statements(),
                request.scannedAt().atZone(ZoneOffset.UTC).toLocalDate());
        List<String> warnings = new ArrayList<>(advisories.warnings());
        triage.expired().forEach(s -> warnings.add(Triage.describe(s) + " expired on " + s.expires()
                + "; it no longer suppresses"));
        triage.unmatched().stream().filter(s -> !triage.expired().contains(s))
                .forEach(s -> warnings.add(Triage.describe(s) + " matches no finding"));
        warnings.addAll(triage.conflicts());
        return new ScanResult(toolVersion, request.scannedAt(), scanned, summary, triage, warnings, ai);
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

    /** The advisories of a scan: the index to match against and what outputs say about it. */
    private record Advisories(PackageIndex index, AdvisoryDatabase.Stats stats, List<String> sources,
            List<String> kevSources, List<String> warnings) {
    }

    private static Advisories advisories(AdvisoryInput input, List<KevEntry> kev, List<KevInput> kevInputs)
            throws InputException {
        List<String> kevSources = kevInputs.stream().map(KevInput::source).toList();
        return switch (input) {
            case AdvisoryInput.Osv osv -> {
                AdvisoryLoad load = OsvAdvisories.load(osv);
                AdvisoryDatabase database = AdvisoryDatabase.build(load.advisories(), kev);
                yield new Advisories(PackageIndex.build(database), database.stats(), osv.sources(), kevSources,
                        OsvAdvisories.warnings(load));
            }
            case AdvisoryInput.SnapshotFile file -> overSnapshot(Snapshot.load(file.file()), kev, kevSources);
            case AdvisoryInput.LoadedSnapshot loaded -> overSnapshot(loaded.snapshot(), kev, kevSources);
            case AdvisoryInput.Index index -> new Advisories(index.index(), index.stats(), index.sources(),
                    index.kevSources(), List.of());
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
        return new Advisories(index, index.stats(), provenance.advisorySources(), kevSources, List.of());
    }
}
