package dev.tandem.usecase.scan;

import dev.tandem.advisory.AdvisoryDatabase;
import dev.tandem.advisory.AdvisoryLoad;
import dev.tandem.advisory.KevEntry;
import dev.tandem.input.InputException;
import dev.tandem.snapshot.SnapshotProvenance;
import dev.tandem.snapshot.SnapshotWriter;
import dev.tandem.usecase.TandemVersion;
import java.nio.ByteBuffer;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Builds an advisory snapshot: OSV records parsed once, alias-merged, joined with the KEV
 * catalogues and encoded as one checksummed file (docs/formats/snapshot.md). The caller decides
 * where the bytes go.
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
        AdvisoryLoad load = OsvAdvisories.load(request.advisories());
        List<KevEntry> kev = OsvAdvisories.kev(request.kev());
        AdvisoryDatabase database = AdvisoryDatabase.build(load.advisories(), kev);
        // The format stores milliseconds; a provenance that says more than the file keeps would not round-trip.
        SnapshotProvenance provenance = new SnapshotProvenance(toolVersion, request.builtAt().truncatedTo(ChronoUnit.MILLIS),
                request.advisories().sources(), request.kev().stream().map(KevInput::source).toList());
        byte[] file = SnapshotWriter.encode(database, kev, provenance);
        return new DbBuildResult(ByteBuffer.wrap(file), provenance, database.stats(), OsvAdvisories.warnings(load));
    }
}
