package dev.tandem.snapshot;

import dev.tandem.advisory.AdvisoryDatabase;
import java.time.Instant;
import java.util.List;

/**
 * What a snapshot says about itself ({@code tandem db info}): format, provenance, the database
 * counts as they were at build time, packages and entries, and counts per ecosystem (by name).
 *
 * @param checksum the CRC32C of the payload, as stored in the header (verified on load)
 */
public record SnapshotInfo(int formatVersion, long fileSize, int checksum, SnapshotProvenance provenance,
        AdvisoryDatabase.Stats stats, long packages, long entries, List<EcosystemCount> ecosystems) {

    public SnapshotInfo {
        ecosystems = List.copyOf(ecosystems);
    }
}
