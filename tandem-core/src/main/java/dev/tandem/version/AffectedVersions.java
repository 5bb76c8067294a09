package dev.tandem.version;

import java.util.List;

/**
 * Which versions of one package an advisory affects, as OSV states it: the ranges and the
 * enumerated {@code versions} list. Affected means: in the list, or inside any evaluable range.
 */
public record AffectedVersions(List<VersionRange> ranges, List<String> versions) {

    public AffectedVersions {
        ranges = List.copyOf(ranges);
        versions = List.copyOf(versions);
    }
}
