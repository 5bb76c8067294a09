package dev.tandem.match;

import dev.tandem.sbom.Sbom;
import java.util.List;

/** The scan of one SBOM: its findings, unmatched components and undecided matches. */
public record SbomReport(Sbom sbom, List<Finding> findings, List<UnmatchedComponent> unmatched,
        List<UndecidedMatch> undecided) {

    public SbomReport {
        findings = List.copyOf(findings);
        unmatched = List.copyOf(unmatched);
        undecided = List.copyOf(undecided);
    }
}
