package dev.tandem.match;

import java.util.Locale;

/** Which rule found a finding: an OSV advisory's range for the component's package, or a CPE configuration of an NVD or CVE record. */
public enum MatchSource {
    OSV, CPE;

    /** The value outputs write: {@code osv} or {@code cpe}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
