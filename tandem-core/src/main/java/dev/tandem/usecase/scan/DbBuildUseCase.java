package dev.tandem.usecase.scan;

import dev.tandem.advisory.AdvisoryDatabase;
import dev.tandem.advisory.AdvisoryLoad;
import dev.tandem.advisory.EpssProvenance;
import dev.tandem.advisory.EpssReader;
import dev.tandem.advisory.EpssTable;
import dev.tandem.input.InputException;
import dev.tandem.snapshot.SnapshotProvenance;
import dev.tandem.snapshot.SnapshotWriter;
import dev.tandem.usecase.TandemVersion;
import java.nio.ByteBuffer;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds an advisory snapshot: OSV records parsed once, alias-merged, joined with the KEV
 * catalogues, with a day's EPSS scores, and encoded as one checksummed file (docs/formats/snapshot.md). The caller decides
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
        // The small inputs first: a bad KEV or EPSS file fails before the large advisory load.
        OsvAdvisories.Kev kev = OsvAdvisories.kev(request.kev());
        EpssTable epss = request.epss() == null ? null : EpssReader.read(request.epss().source(), request.epss().content());
        AdvisoryLoad load = OsvAdvisories.load(request.advisories());
        AdvisoryDatabase database = AdvisoryDatabase.build(load.advisories(), kev.entries());
        // The format stores milliseconds; a provenance that says more than the file keeps would not round-trip.
        SnapshotProvenance provenance = new SnapshotProvenance(toolVersion, request.builtAt().truncatedTo(ChronoUnit.MILLIS),
                request.advisories().sources(), request.kev().stream().map(KevInput::source).toList());
        byte[] file = SnapshotWriter.encode(database, kev.entries(), epss, provenance);
        List<String> warnings = new ArrayList<>(kev.warnings());
        warnings.addAll(OsvAdvisories.warnings(load));
        return new DbBuildResult(ByteBuffer.wrap(file), provenance, database.stats(),
                epss == null ? null : EpssProvenance.of(epss), warnings);
    }
}
