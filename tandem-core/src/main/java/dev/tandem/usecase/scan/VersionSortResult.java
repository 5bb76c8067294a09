package dev.tandem.usecase.scan;

import java.util.List;

/** Versions in ascending order of an ecosystem, as written; equal versions in their input order. */
public record VersionSortResult(String ecosystem, List<String> versions) {

    public VersionSortResult {
        versions = List.copyOf(versions);
    }
}
