package dev.tandem.advisory;

import dev.tandem.advisory.cvss.SeverityScore;
import dev.tandem.version.AffectedVersions;
import java.util.List;
import java.util.Objects;

/**
 * One OSV {@code affected[]} entry: the package as OSV names it (ecosystem exactly as written,
 * e.g. {@code "Debian:12"}, and name), its purl when given, and the affected versions.
 */
public record AffectedPackage(String ecosystem, String name, String purl, AffectedVersions versions,
        List<SeverityScore> severities) {

    public AffectedPackage {
        Objects.requireNonNull(ecosystem, "ecosystem");
        Objects.requireNonNull(name, "name");
        purl = purl == null ? "" : purl;
        Objects.requireNonNull(versions, "versions");
        severities = severities == null ? List.of() : List.copyOf(severities);
    }
}
