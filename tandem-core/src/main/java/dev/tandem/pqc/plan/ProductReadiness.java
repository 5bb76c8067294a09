package dev.tandem.pqc.plan;

import java.util.List;

/**
 * How far one product is: its assets by classification, and the readiness figure, the share of
 * classified assets that are quantum-resistant (unknown assets are counted apart, not in the figure).
 *
 * @param readinessPercent null when no asset could be classified
 * @param libraryEvidenceOnly true when everything known comes from crypto libraries in an SBOM
 */
public record ProductReadiness(String product, List<String> sources, int quantumResistant, int weakened,
        int quantumVulnerable, int unknown, Integer readinessPercent, boolean libraryEvidenceOnly,
        List<AppliedMilestone> milestones) {

    public ProductReadiness {
        sources = List.copyOf(sources);
        milestones = List.copyOf(milestones);
    }

    public int total() {
        return quantumResistant + weakened + quantumVulnerable + unknown;
    }
}
