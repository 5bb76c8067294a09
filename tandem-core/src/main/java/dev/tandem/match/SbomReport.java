package dev.tandem.match;

import dev.tandem.sbom.Sbom;
import java.util.List;

/**
 * The scan of one SBOM: its findings, unmatched components and undecided matches, and each
 * component's package identity in the SBOM's order (worked out once by the matcher, so the coverage
 * and other readers of the scan do not parse every purl again).
 */
public record SbomReport(Sbom sbom, List<Finding> findings, List<UnmatchedComponent> unmatched,
        List<UndecidedMatch> undecided, List<ComponentIdentity> identities) {

    public SbomReport {
        findings = List.copyOf(findings);
        unmatched = List.copyOf(unmatched);
        undecided = List.copyOf(undecided);
        identities = List.copyOf(identities);
        if (identities.size() != sbom.components().size()) {
            throw new IllegalArgumentException("one identity per component: " + identities.size() + " for "
                    + sbom.components().size() + " components");
        }
    }
}
