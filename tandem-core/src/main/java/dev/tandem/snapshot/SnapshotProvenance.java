package dev.tandem.snapshot;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** Where a snapshot came from: the tool that built it, when, and from which advisory and KEV inputs. */
public record SnapshotProvenance(String toolVersion, Instant builtAt, List<String> advisorySources,
        List<String> kevSources) {

    public SnapshotProvenance {
        Objects.requireNonNull(toolVersion, "toolVersion");
        Objects.requireNonNull(builtAt, "builtAt");
        advisorySources = List.copyOf(advisorySources);
        kevSources = List.copyOf(kevSources);
    }
}
