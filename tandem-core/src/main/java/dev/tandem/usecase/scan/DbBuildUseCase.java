package dev.tandem.usecase.scan;

import dev.tandem.advisory.AdvisoryDatabase;
import dev.tandem.advisory.AdvisoryLoad;
import dev.tandem.advisory.KevEntry;
import dev.tandem.advisory.nvd.CveRecordLoad;
import dev.tandem.input.InputException;
import dev.tandem.snapshot.SnapshotProvenance;
import dev.tandem.snapshot.SnapshotWriter;
import dev.tandem.usecase.TandemVersion;
import java.nio.ByteBuffer;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds an advisory snapshot: OSV records and NVD/CVE records parsed once, alias-merged, joined
 * with the KEV catalogues and encoded as one checksummed file with a package index and a CPE index
 * (docs/formats/snapshot.md). The caller decides where the bytes go.
 */
public final class DbBuildUseCase {

    private final String toolVersion;

    /** A build recording this build of Tandem in the snapshot. */
    public DbBuildUseCase() {
        this(TandemVersion.current());
    }

    /** A build recording {@code toolVersion} in the snapshot. */
    public DbBuildUseCase(String toolVersion) {
        this.toolVersion = toolVersion;
    }

    public DbBuildResult run(DbBuildRequest request) throws InputException {
        List<KevEntry> kev = OsvAdvisories.kev(request.kev());
        CveRecordLoad records = CveRecords.load(request.records());
        AdvisoryLoad load = OsvAdvisories.load(request.advisories());
        AdvisoryDatabase database = AdvisoryDatabase.build(CveRecords.advisories(load.advisories(), records), kev);
        // The format stores milliseconds; a provenance that says more than the file keeps would not round-trip.
        SnapshotProvenance provenance = new SnapshotProvenance(toolVersion, request.builtAt().truncatedTo(ChronoUnit.MILLIS),
                request.advisories().sources(), request.kev().stream().map(KevInput::source).toList(),
                request.records().sources());
        byte[] file = SnapshotWriter.encode(database, records.records(), kev, provenance);
        List<String> warnings = new ArrayList<>(OsvAdvisories.warnings(load));
        warnings.addAll(CveRecords.warnings(records));
        return new DbBuildResult(ByteBuffer.wrap(file), provenance, database.stats(), warnings);
    }
}
