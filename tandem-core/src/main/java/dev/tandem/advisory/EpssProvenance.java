package dev.tandem.advisory;

import java.time.LocalDate;
import java.util.Objects;

/** Where a set of EPSS scores came from and how many there are, for outputs: file or feed, model, score date. */
public record EpssProvenance(String source, String modelVersion, LocalDate scoreDate, int count) {

    public EpssProvenance {
        Objects.requireNonNull(source, "source");
        modelVersion = modelVersion == null ? "" : modelVersion;
    }

    /** The provenance of loaded scores. */
    public static EpssProvenance of(EpssData data) {
        return new EpssProvenance(data.source(), data.modelVersion(), data.scoreDate(), data.count());
    }
}
