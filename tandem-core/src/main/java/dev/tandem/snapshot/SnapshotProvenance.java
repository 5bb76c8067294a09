package dev.tandem.snapshot;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** Where a snapshot came from: the tool that built it, when, and from which advisory, KEV and NVD/CVE record inputs. */
public record SnapshotProvenance(String toolVersion, Instant builtAt, List<String> advisorySources,
        List<String> kevSources, List<String> recordSources) {

    public SnapshotProvenance {
        Objects.requireNonNull(toolVersion, "toolVersion");
        Objects.requireNonNull(builtAt, "builtAt");
        advisorySources = List.copyOf(advisorySources);
        kevSources = List.copyOf(kevSources);
        recordSources = recordSources == null ? List.of() : List.copyOf(recordSources);
    }

    /** A snapshot built without NVD or CVE records. */
    public SnapshotProvenance(String toolVersion, Instant builtAt, List<String> advisorySources, List<String> kevSources) {
        this(toolVersion, builtAt, advisorySources, kevSources, List.of());
    }
}
