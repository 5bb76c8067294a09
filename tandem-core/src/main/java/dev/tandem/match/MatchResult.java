package dev.tandem.match;

import java.util.List;

/** The result of matching SBOMs: one report per SBOM, in the order the SBOMs were given. */
public record MatchResult(List<SbomReport> reports) {

    public MatchResult {
        reports = List.copyOf(reports);
    }

    public List<Finding> findings() {
        return reports.stream().flatMap(r -> r.findings().stream()).toList();
    }

    public long knownExploitedCount() {
        return findings().stream().filter(Finding::knownExploited).count();
    }
}
