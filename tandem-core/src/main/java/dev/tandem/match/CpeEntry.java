package dev.tandem.match;

import dev.tandem.advisory.Advisory;
import dev.tandem.advisory.Vulnerability;
import dev.tandem.cpe.Applicability;
import java.util.Objects;

/**
 * One NVD or CVE record under one of the products it names as vulnerable: the (alias-merged)
 * vulnerability it belongs to, the record, and its applicability configurations.
 */
public record CpeEntry(Vulnerability vulnerability, Advisory record, Applicability applicability) {

    public CpeEntry {
        Objects.requireNonNull(vulnerability, "vulnerability");
        Objects.requireNonNull(record, "record");
        Objects.requireNonNull(applicability, "applicability");
    }
}
