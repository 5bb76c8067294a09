package dev.tandem.usecase.vex;

import dev.tandem.csaf.CsafDocument;
import dev.tandem.input.InputException;
import dev.tandem.match.Finding;
import dev.tandem.match.SbomReport;
import dev.tandem.triage.Triage;
import dev.tandem.usecase.scan.ScanResult;
import java.util.ArrayList;
import java.util.List;

/** The triage decisions about a scan's findings as VEX statements (rendered as CycloneDX VEX or OpenVEX). */
public final class VexUseCase {

    public VexResult run(VexRequest request) throws InputException {
        List<String> warnings = new ArrayList<>();
        ScanResult scan = Publication.scan(request.scan(), request.decisions(), warnings);
        CsafDocument.Publisher publisher = Publication.publisher(request.publisher(), scan, warnings);
        List<VexResult.Entry> entries = new ArrayList<>();
        for (SbomReport report : scan.reports()) {
            for (Finding finding : report.findings()) {
                entries.add(new VexResult.Entry(finding, report.sbom().subject(), report.sbom().source(),
                        Triage.decisive(scan.triage().about(finding.findingId())).orElse(null)));
            }
        }
        String contact = publisher.namespace() != null ? publisher.namespace()
                : publisher.contactDetails() == null ? "" : publisher.contactDetails();
        return new VexResult(scan.toolVersion(), scan.scannedAt(), publisher.name(), contact, entries, warnings);
    }
}
