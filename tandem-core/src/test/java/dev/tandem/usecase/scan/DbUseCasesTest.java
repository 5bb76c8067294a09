package dev.tandem.usecase.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tandem.input.InputDocument;
import dev.tandem.input.InputException;
import dev.tandem.snapshot.EcosystemCount;
import dev.tandem.snapshot.Snapshot;
import dev.tandem.snapshot.SnapshotInfo;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link DbBuildUseCase} and {@link DbInfoUseCase} on in-memory OSV and KEV documents: no files. */
class DbUseCasesTest {

    private static final Instant BUILT = Instant.parse("2026-12-01T10:00:00.123456Z");

    private static DbBuildResult build(List<InputDocument> osv, boolean lenient) throws InputException {
        return new DbBuildUseCase("9.9.9").run(new DbBuildRequest(new AdvisoryInput.Documents(osv, lenient),
                List.of(KevInput.of(ScanInputs.cisaKev()), KevInput.of(ScanInputs.euKev())), BUILT));
    }

    private static byte[] bytes(DbBuildResult result) {
        byte[] bytes = new byte[(int) result.size()];
        result.snapshot().get(bytes);
        return bytes;
    }

    @Test
    void aBuiltSnapshotDescribesItsContentSourcesAndBuild() throws InputException {
        DbBuildResult built = build(ScanInputs.osv(), false);
        assertThat(built.stats().advisories()).isEqualTo(2);
        assertThat(built.stats().kevEntries()).isEqualTo(2);
        assertThat(built.stats().kevMatched()).isEqualTo(1);
        assertThat(built.warnings()).isEmpty();
        assertThat(built.provenance().builtAt()).isEqualTo(Instant.parse("2026-12-01T10:00:00.123Z"));
        // Each call gives the whole file from its start, and nobody can write into it.
        assertThat(built.snapshot().remaining()).isEqualTo(built.size());
        assertThat(built.snapshot().isReadOnly()).isTrue();

        DbInfoResult info = new DbInfoUseCase().run(new DbInfoRequest(
                new AdvisoryInput.LoadedSnapshot(Snapshot.of("memory.tdb", bytes(built)))));
        assertThat(info.source()).isEqualTo("memory.tdb");
        SnapshotInfo snapshot = info.info();
        assertThat(snapshot.fileSize()).isEqualTo(built.size());
        assertThat(snapshot.provenance().toolVersion()).isEqualTo("9.9.9");
        assertThat(snapshot.provenance().builtAt()).isEqualTo(built.provenance().builtAt());
        assertThat(snapshot.provenance().advisorySources()).containsExactly("osv/log4j.json", "osv/django.yaml");
        assertThat(snapshot.provenance().kevSources()).containsExactly("kev/cisa.json", "kev/eu.json");
        assertThat(snapshot.stats()).isEqualTo(built.stats());
        assertThat(snapshot.ecosystems()).extracting(EcosystemCount::ecosystem).containsExactly("Maven", "PyPI");
    }

    @Test
    void aLenientBuildListsTheSkippedRecordAsAWarning() throws InputException {
        List<InputDocument> osv = new ArrayList<>(ScanInputs.osv());
        osv.add(InputDocument.of("osv/broken.yaml", "id: [unclosed"));
        DbBuildResult built = build(osv, true);
        assertThat(built.warnings()).singleElement().asString().startsWith("skipped advisory: osv/broken.yaml");
        assertThat(built.stats().advisories()).isEqualTo(2);
        assertThatThrownBy(() -> build(osv, false)).isInstanceOf(InputException.class)
                .hasMessageStartingWith("osv/broken.yaml");
    }
}
