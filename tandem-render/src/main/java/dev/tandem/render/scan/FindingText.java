package dev.tandem.render.scan;

import dev.tandem.advisory.Advisory;
import dev.tandem.advisory.KevEntry;
import dev.tandem.advisory.Vulnerability;
import dev.tandem.advisory.cvss.SeverityScore;
import dev.tandem.match.Finding;
import java.util.Locale;
import java.util.stream.Collectors;

/** Wording shared by the renderers, so table, SARIF and CycloneDX say the same thing the same way. */
final class FindingText {

    private FindingText() {
    }

    static String summary(Vulnerability vulnerability) {
        return vulnerability.advisories().stream().map(Advisory::summary).filter(s -> !s.isBlank()).findFirst()
                .orElseGet(() -> vulnerability.advisories().stream().map(Advisory::details).filter(s -> !s.isBlank())
                        .map(FindingText::firstLine).findFirst().orElse(vulnerability.id()));
    }

    static String severityLabel(Finding finding) {
        return finding.rating().name().toLowerCase(Locale.ROOT);
    }

    static String score(Finding finding) {
        SeverityScore severity = finding.severity();
        return severity == null || Double.isNaN(severity.baseScore()) ? "" : String.format(Locale.ROOT, "%.1f", severity.baseScore());
    }

    static String fixedIn(Finding finding) {
        return finding.fixedIn().isEmpty() ? "no fix listed" : "fixed in " + String.join(", ", finding.fixedIn());
    }

    static String exploitation(Finding finding) {
        return finding.exploitation().stream().map(FindingText::kev).distinct().collect(Collectors.joining("; "));
    }

    private static String kev(KevEntry entry) {
        StringBuilder text = new StringBuilder(entry.catalog().label());
        if (entry.dateAdded() != null) {
            text.append(" since ").append(entry.dateAdded());
        }
        if (entry.knownRansomwareUse()) {
            text.append(", used in ransomware");
        }
        return text.toString();
    }

    /** NVD's page of a CVE. */
    static String nvdUrl(String cve) {
        return "https://nvd.nist.gov/vuln/detail/" + cve;
    }

    /**
     * The severities the advisories state besides the one the finding shows ("7.5 CVSS_V3 by GO-2024-1",
     * each with the record that states it), empty when there is no other: sources may disagree, and a
     * reader should see that they do.
     */
    static String otherSeverities(Finding finding) {
        java.util.List<dev.tandem.advisory.SourcedSeverity> all = finding.vulnerability().severities();
        SeverityScore shown = finding.severity();
        java.util.List<String> others = new java.util.ArrayList<>();
        for (dev.tandem.advisory.SourcedSeverity stated : all) {
            SeverityScore s = stated.severity();
            if (shown != null && s.vector().equals(shown.vector()) && s.type().equals(shown.type())) {
                continue;
            }
            String text = (s.isScored() ? String.format(Locale.ROOT, "%.1f ", s.baseScore()) : s.rating().name().toLowerCase(Locale.ROOT) + " ")
                    + s.type() + " by " + stated.recordId() + " (" + stated.source()
                    + (stated.scorer().isEmpty() ? "" : ", " + stated.scorer()) + ")";
            if (!others.contains(text)) {
                others.add(text);
            }
        }
        return String.join("; ", others);
    }

    /** The osv.dev page of an advisory id, the one link every OSV id has. */
    static String osvUrl(String id) {
        return "https://osv.dev/vulnerability/" + id;
    }

    private static String firstLine(String text) {
        String line = text.strip().lines().findFirst().orElse("");
        return line.length() > 200 ? line.substring(0, 200) + "…" : line;
    }
}
