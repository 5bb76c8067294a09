package dev.tandem.version;

import java.util.List;
import java.util.Objects;

/** One OSV {@code affected[].ranges[]} entry, events kept in document order. {@code repo} only for GIT ranges. */
public record VersionRange(RangeType type, String repo, List<RangeEvent> events) {

    public VersionRange {
        Objects.requireNonNull(type, "type");
        repo = repo == null ? "" : repo;
        events = List.copyOf(events);
    }
}
