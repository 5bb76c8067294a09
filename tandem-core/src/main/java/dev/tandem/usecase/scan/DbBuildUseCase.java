package dev.tandem.usecase.scan;

import dev.tandem.advisory.AdvisoryDatabase;
import dev.tandem.advisory.AdvisoryLoad;
import dev.tandem.advisory.AdvisoryRetention;
import dev.tandem.advisory.EpssProvenance;
import dev.tandem.advisory.EpssReader;
import dev.tandem.advisory.EpssTable;
import dev.tandem.advisory.nvd.CveRecordLoad;
import dev.tandem.input.InputDocument;
import dev.tandem.input.InputException;
import dev.tandem.snapshot.SnapshotProvenance;
import dev.tandem.snapshot.SnapshotWriter;
import dev.tandem.usecase.TandemVersion;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds an advisory snapshot: OSV records and NVD/CVE records parsed once, alias-merged, joined
 * with the KEV catalogues, with a day's EPSS scores, and encoded as one checksummed file with a
 * package index and a CPE index (docs/formats/snapshot.md). The caller decides where the bytes go.
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
        return build(request.advisories(), request.kev(), request.epss(), request.records(), request.builtAt(),
                request.advisories().sources(), request.kev().stream().map(KevInput::source).toList(),
                request.records().sources());
    }

    /** The build itself, with the sources the snapshot records named by the caller (a refresh names its feeds' URLs). */
    DbBuildResult build(AdvisoryInput.Osv advisories, List<KevInput> kevInputs, InputDocument epssDocument,
            CveInput recordInput, Instant builtAt, List<String> advisorySources, List<String> kevSources,
            List<String> recordSources) throws InputException {
        // The small inputs first: a bad KEV or EPSS file fails before the large advisory load.
        OsvAdvisories.Kev kev = OsvAdvisories.kev(kevInputs);
        EpssTable epss = epssDocument == null ? null : EpssReader.read(epssDocument.source(), epssDocument.content());
        CveRecordLoad records = CveRecords.load(recordInput);
        AdvisoryLoad load = OsvAdvisories.load(advisories, AdvisoryRetention.SNAPSHOT);
        AdvisoryDatabase database = AdvisoryDatabase.build(CveRecords.advisories(load.advisories(), records), kev.entries());
        // The format stores milliseconds; a provenance that says more than the file keeps would not round-trip.
        SnapshotProvenance provenance = new SnapshotProvenance(toolVersion, builtAt.truncatedTo(ChronoUnit.MILLIS),
                advisorySources, kevSources, recordSources);
        byte[] file = SnapshotWriter.encode(database, records.records(), kev.entries(), epss, provenance);
        List<String> warnings = new ArrayList<>(kev.warnings());
        warnings.addAll(OsvAdvisories.warnings(load));
        warnings.addAll(CveRecords.warnings(records));
        return new DbBuildResult(ByteBuffer.wrap(file), provenance, database.stats(),
                epss == null ? null : EpssProvenance.of(epss), warnings);
    }
}
