package dev.tandem.cli.scan;

import java.time.Instant;
import java.util.List;

/**
 * What the renderers need besides the result: the inputs as given, counts from loading, the tool
 * version and the time of the scan.
 */
public record ScanContext(String toolVersion, Instant scannedAt, List<String> advisorySources,
        List<String> kevSources, AdvisoryCounts counts, List<String> warnings) {

    public ScanContext {
        advisorySources = List.copyOf(advisorySources);
        kevSources = List.copyOf(kevSources);
        warnings = List.copyOf(warnings);
    }

    /** Counts from loading the advisory set, for the summary. */
    public record AdvisoryCounts(long advisories, long withdrawn, long vulnerabilities, long kevEntries,
            long kevMatched, long indexedPackages) {
    }
}
