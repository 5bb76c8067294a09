package dev.tandem.advisory;

import dev.tandem.advisory.cvss.SeverityScore;
import java.util.Objects;

/**
 * A severity and who states it: the source ({@code OSV} for an OSV advisory; another database,
 * such as NVD, is just another source) and the id of the record that states it there.
 */
public record SourcedSeverity(String source, String recordId, SeverityScore severity) {

    /** The source name of severities stated by OSV advisories. */
    public static final String OSV = "OSV";

    public SourcedSeverity {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(recordId, "recordId");
        Objects.requireNonNull(severity, "severity");
    }
}
