package dev.tandem.snapshot;

import dev.tandem.advisory.AdvisoryDatabase;
import dev.tandem.advisory.EpssProvenance;
import java.time.Instant;
import java.util.List;

/**
 * What a snapshot says about itself ({@code tandem db info}): format, provenance, the database
 * counts as they were at build time, packages and entries, counts per ecosystem (by name), and the
 * NVD/CVE records with a configuration and the CPE products they name as vulnerable.
 *
 * @param checksum the CRC32C of the payload, as stored in the header (verified on load)
 * @param epss     the EPSS scores it holds, null when it was built without
 */
public record SnapshotInfo(int formatVersion, long fileSize, int checksum, SnapshotProvenance provenance,
        AdvisoryDatabase.Stats stats, long packages, long entries, List<EcosystemCount> ecosystems,
        long cpeRecords, long cpeProducts, EpssProvenance epss) {

    public SnapshotInfo {
        ecosystems = List.copyOf(ecosystems);
    }
}
