package dev.tandem.usecase.conformity;

import dev.tandem.ai.AiInventory;
import dev.tandem.conformity.assessment.Assessor;
import dev.tandem.conformity.assessment.KnownExploited;
import dev.tandem.conformity.assessment.SbomInput;
import dev.tandem.input.InputException;
import dev.tandem.match.Finding;
import dev.tandem.sbom.Sbom;
import dev.tandem.sbom.SbomDocument;
import dev.tandem.sbom.quality.SbomFactsReader;
import dev.tandem.usecase.Provenance;
import dev.tandem.usecase.scan.AdvisoryInput;
import dev.tandem.usecase.scan.KevInput;
import dev.tandem.usecase.scan.ScanRequest;
import dev.tandem.usecase.scan.ScanResult;
import dev.tandem.usecase.scan.ScanUseCase;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns the SBOM documents of a request into what the assessor takes, each parsed once: their quality
 * facts and AI components, and, when advisory data is given, what a scan of them found known-exploited.
 */
final class ReferencedSboms {

    private final Map<String, SbomInput> facts = new LinkedHashMap<>();
    private final List<Sbom> parsed = new ArrayList<>();
    private final Map<Sbom, String> references = new java.util.IdentityHashMap<>();

    private ReferencedSboms() {
    }

    /** The profile and each SBOM found for it, as inputs of a document (an unreadable one by its reference only). */
    static List<Provenance.Input> inputs(ProfileInput profile, Map<String, ReferencedSbom> sboms) {
        List<Provenance.Input> inputs = new ArrayList<>();
        inputs.add(profile.input());
        sboms.forEach((reference, sbom) -> inputs.add(switch (sbom) {
            case ReferencedSbom.Found found -> Provenance.Input.of(reference, "SBOM referenced by the profile", found.document());
            case ReferencedSbom.Unreadable unreadable -> Provenance.Input.named("SBOM referenced by the profile (unreadable)", reference);
        }));
        return inputs;
    }

    /**
     * The advisory data and known-exploited catalogues the SBOMs are scanned against, as inputs of a document:
     * catalogues and advisories handed as documents hashed, a folder or a snapshot named (it is not one
     * document). Nothing when no advisory data was given.
     */
    static List<Provenance.Input> advisoryInputs(AdvisoryInput advisories, List<KevInput> kev) {
        List<Provenance.Input> inputs = new ArrayList<>();
        if (advisories == null) {
            return inputs;
        }
        switch (advisories) {
            case AdvisoryInput.Documents documents -> inputs.addAll(Provenance.Input.of("OSV advisory", documents.documents()));
            case AdvisoryInput.Paths paths -> paths.sources().forEach(s -> inputs.add(Provenance.Input.named("OSV advisories", s)));
            case AdvisoryInput.SnapshotFile file -> inputs.add(Provenance.Input.named("advisory snapshot", file.file().toString()));
            case AdvisoryInput.LoadedSnapshot loaded -> inputs.add(Provenance.Input.named("advisory snapshot", loaded.snapshot().source()));
            case AdvisoryInput.Index index -> index.sources().forEach(s -> inputs.add(Provenance.Input.named("advisories", s)));
        }
        for (KevInput catalogue : kev) {
            inputs.addAll(Provenance.Input.of("known-exploited catalogue", catalogue.documents()));
        }
        return inputs;
    }

    /** A document that does not parse is an unreadable SBOM, a finding of the assessment rather than an error. */
    static ReferencedSboms of(Map<String, ReferencedSbom> sboms) {
        ReferencedSboms result = new ReferencedSboms();
        sboms.forEach((reference, sbom) -> result.facts.put(reference, switch (sbom) {
            case ReferencedSbom.Unreadable unreadable -> new SbomInput.Unreadable(unreadable.problem());
            case ReferencedSbom.Found found -> result.parse(reference, found);
        }));
        return result;
    }

    /** The facts of every referenced SBOM, keyed by the path as the profile writes it. */
    Map<String, SbomInput> facts() {
        return facts;
    }

    /**
     * What a scan of the readable SBOMs against {@code advisories} and {@code kev} finds known-exploited;
     * "not checked" without advisory data. Malformed advisory data is an input error, as in a scan.
     */
    KnownExploited knownExploited(AdvisoryInput advisories, List<KevInput> kev, LocalDate on) throws InputException {
        if (advisories == null) {
            return new KnownExploited.NotChecked(Assessor.NO_ADVISORIES);
        }
        List<dev.tandem.usecase.scan.SbomInput> inputs = parsed.stream()
                .<dev.tandem.usecase.scan.SbomInput>map(dev.tandem.usecase.scan.SbomInput.Parsed::new).toList();
        if (inputs.isEmpty()) {
            return new KnownExploited.Checked(0, 0, List.of(), List.of(), 0, List.of());
        }
        ScanResult scan = new ScanUseCase().run(new ScanRequest(inputs, advisories, kev, on.atStartOfDay().toInstant(ZoneOffset.UTC)));
        List<KnownExploited.Hit> hits = new ArrayList<>();
        for (ScanResult.ScannedSbom scanned : scan.sboms()) {
            for (Finding f : scanned.report().findings()) {
                if (f.knownExploited()) {
                    String component = f.component().purl().isEmpty() ? f.component().name() + "@" + f.component().version()
                            : f.component().purl();
                    hits.add(new KnownExploited.Hit(references.getOrDefault(scanned.sbom(), scanned.sbom().source()), component, f.vulnerability().id(),
                            f.exploitation().stream().map(e -> e.catalog().label()).distinct().toList()));
                }
            }
        }
        ScanResult.AdvisorySummary summary = scan.advisories();
        return new KnownExploited.Checked(scan.sboms().size(), scan.componentCount(), summary.sources(), summary.kevSources(),
                summary.kevEntries(), hits);
    }

    /** Components are named by the path as the profile writes it, not by where the front end found the file. */
    private SbomInput parse(String reference, ReferencedSbom.Found found) {
        try {
            SbomDocument document = SbomDocument.parse(found.document());
            Sbom sbom = document.sbom();
            parsed.add(sbom);
            references.put(sbom, reference);
            return new SbomInput.Facts(SbomFactsReader.of(document), AiInventory.hasAiComponents(sbom)
                    ? AiInventory.of(sbom, document.details().orElse(null)).stream().map(c -> c.withSbom(reference)).toList()
                    : List.of());
        } catch (InputException e) {
            return new SbomInput.Unreadable(e.problem());
        }
    }
}
