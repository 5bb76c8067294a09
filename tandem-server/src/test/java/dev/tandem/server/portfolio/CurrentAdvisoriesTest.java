package dev.tandem.server.portfolio;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.input.InputDocument;
import dev.tandem.match.Finding;
import dev.tandem.match.MatchSource;
import dev.tandem.snapshot.Snapshot;
import dev.tandem.usecase.scan.AdvisoryInput;
import dev.tandem.usecase.scan.CveInput;
import dev.tandem.usecase.scan.DbBuildRequest;
import dev.tandem.usecase.scan.DbBuildUseCase;
import dev.tandem.usecase.scan.SbomInput;
import dev.tandem.usecase.scan.ScanRequest;
import dev.tandem.usecase.scan.ScanResult;
import dev.tandem.usecase.scan.ScanUseCase;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The server's scans see everything a snapshot holds, as {@code tandem scan --db} does over the same file. */
class CurrentAdvisoriesTest {

    private static final Instant NOW = Instant.parse("2026-12-06T12:00:00Z");

    @Test
    void theServersScanMatchesBySnapshotsNvdRecordsLikeScanDb() throws Exception {
        Snapshot snapshot = Snapshot.of("examples.tdb", examplesSnapshotWithNvd());
        CurrentAdvisories.Loaded loaded = new CurrentAdvisories.Loaded("sha", snapshot, snapshot.index());
        List<SbomInput> sbom = List.of(SbomInput.of(new InputDocument("sc200-camera-firmware-2.4.1.cdx.json",
                Files.readAllBytes(Path.of("../examples/sboms/sc200-camera-firmware-2.4.1.cdx.json")))));

        ScanResult server = new ScanUseCase().run(new ScanRequest(sbom, loaded.input(), List.of(), NOW));
        ScanResult scanDb = new ScanUseCase().run(new ScanRequest(sbom, new AdvisoryInput.LoadedSnapshot(snapshot),
                List.of(), NOW));

        assertThat(server.findings()).as("the camera's busybox is matched by the NVD record's CPE")
                .anyMatch(f -> f.matchedBy() == MatchSource.CPE);
        assertThat(server.findings().stream().map(CurrentAdvisoriesTest::key).toList())
                .isEqualTo(scanDb.findings().stream().map(CurrentAdvisoriesTest::key).toList());
    }

    private static String key(Finding f) {
        return f.vulnerability().id() + " " + f.component().name() + " " + f.matchedBy() + " " + f.knownExploited();
    }

    /** The bundled advisories and NVD/CVE records, as {@code tandem db build --nvd examples/nvd} builds them. */
    private static byte[] examplesSnapshotWithNvd() throws Exception {
        DbBuildRequest request = new DbBuildRequest(new AdvisoryInput.Documents(documents("../examples/advisories"), false),
                List.of(), NOW, null, new CveInput.Documents(documents("../examples/nvd"), false));
        ByteBuffer buffer = new DbBuildUseCase().run(request).snapshot();
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        return bytes;
    }

    private static List<InputDocument> documents(String folder) throws Exception {
        List<InputDocument> documents = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of(folder))) {
            for (Path file : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                documents.add(new InputDocument(file.toString(), Files.readAllBytes(file)));
            }
        }
        return documents;
    }
}
