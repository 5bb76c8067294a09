package dev.tandem.advisory;

import dev.tandem.advisory.cvss.SeverityScore;
import java.util.Objects;

/**
 * A severity and who states it: the source ({@code OSV} for an OSV advisory; another database,
 * such as NVD, is just another source) and the id of the record that states it there.
 * {@code source} is the feed's label ({@code OSV}, {@code NVD}, {@code CVE List}).
 */
public record SourcedSeverity(String source, String recordId, SeverityScore severity) {

    /** The source name of severities stated by OSV advisories. */
    public static final String OSV = "OSV";

    public SourcedSeverity {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(recordId, "recordId");
        Objects.requireNonNull(severity, "severity");
    }

    /**
     * Who scored it inside the source, as NVD and CVE records say ("nvd@nist.gov, Primary", "ADP
     * CISA-ADP", "CNA wolfSSL"); empty for OSV advisories, which do not say.
     */
    public String scorer() {
        String prefix = source + " " + recordId + " (";
        String label = severity.source();
        return label.startsWith(prefix) && label.endsWith(")") ? label.substring(prefix.length(), label.length() - 1) : "";
    }
}
