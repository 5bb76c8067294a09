package dev.tandem.usecase.sbom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tandem.input.InputDocument;
import dev.tandem.input.InputException;
import dev.tandem.sbom.quality.QualityReport;
import dev.tandem.usecase.KnowledgeBase;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The SBOM check driven with documents held in memory: no file, no path. */
class SbomCheckUseCaseTest {

    private static final Instant AT = Instant.parse("2026-12-01T10:00:00Z");
    private static final SbomCheckUseCase CHECK = new SbomCheckUseCase(KnowledgeBase.bundled());

    private static final String MINIMAL = """
            {"bomFormat": "CycloneDX", "specVersion": "1.6",
             "metadata": {"timestamp": "2026-11-30T08:00:00Z", "authors": [{"name": "Acme build"}],
               "component": {"type": "device", "bom-ref": "cam", "name": "cam", "version": "1"}},
             "components": [{"type": "library", "bom-ref": "zlib", "name": "zlib", "version": "1.3.1",
               "purl": "pkg:generic/zlib@1.3.1", "supplier": {"name": "zlib project"}}],
             "dependencies": [{"ref": "cam", "dependsOn": ["zlib"]}]}
            """;

    @Test
    void aDocumentInMemoryIsCheckedAgainstTheProfileOfTheKnowledgeBase() throws Exception {
        SbomCheckResult ntia = CHECK.run(new SbomCheckRequest(InputDocument.of("upload.cdx.json", MINIMAL), "NTIA", AT));
        assertThat(ntia.passed()).isTrue();
        assertThat(ntia.format()).isEqualTo("CycloneDX JSON 1.6");
        assertThat(ntia.checkedAt()).isEqualTo(AT);
        assertThat(ntia.warnings()).isEmpty();
        assertThat(ntia.catalog()).isEqualTo(KnowledgeBase.bundled().fingerprint());
        assertThat(ntia.report().sbom()).isEqualTo("upload.cdx.json");
        assertThat(ntia.report().profile()).isEqualTo("ntia");
        assertThat(ntia.report().components()).isEqualTo(1);

        SbomCheckResult tr = CHECK.run(new SbomCheckRequest(InputDocument.of("upload.cdx.json", MINIMAL),
                SbomCheckRequest.DEFAULT_PROFILE, AT));
        assertThat(tr.passed()).isFalse();
        assertThat(tr.report().violations()).extracting(QualityReport.Violation::field)
                .contains("creator", "sbom-uri", "filename", "hash-sha512").doesNotContain("timestamp", "name", "version");
    }

    @Test
    void aCompleteSbomPassesTheBsiProfile() throws Exception {
        SbomCheckResult result = CHECK.run(new SbomCheckRequest(resource("/sbom-quality/tr-complete.cdx.json"),
                "tr-03183-2", AT));
        assertThat(result.report().violations()).isEmpty();
        assertThat(result.passed()).isTrue();
    }

    @Test
    void fieldsTheFormatCannotTellAreUnverifiableNotMissing() throws Exception {
        SbomCheckResult result = CHECK.run(new SbomCheckRequest(resource("/sbom-quality/minimal.spdx.json"), "tr-03183-2", AT));
        assertThat(result.format()).startsWith("SPDX JSON");
        assertThat(result.report().fields()).filteredOn(f -> f.field().equals("executable")).singleElement()
                .satisfies(f -> assertThat(f.verifiable()).isFalse());
        SbomCheckResult xml = CHECK.run(new SbomCheckRequest(resource("/sbom-quality/minimal.cdx.xml"), "tr-03183-2", AT));
        assertThat(xml.report().fields()).filteredOn(f -> f.field().equals("timestamp")).singleElement()
                .satisfies(f -> assertThat(f.verifiable()).isTrue());
    }

    @Test
    void anUnknownProfileListsTheKnownOnesBeforeTheDocumentIsRead() {
        assertThatThrownBy(() -> CHECK.run(new SbomCheckRequest(InputDocument.of("x.json", "not even json"), "iso-5962", AT)))
                .isInstanceOfSatisfying(UnknownProfileException.class, e -> {
                    assertThat(e.getMessage()).isEqualTo("unknown profile 'iso-5962'; known: tr-03183-2, ntia");
                    assertThat(e.known()).containsExactly("tr-03183-2", "ntia");
                });
    }

    @Test
    void aBrokenDocumentIsBadInputNamingItsSourceAndPosition() {
        assertThatThrownBy(() -> CHECK.run(new SbomCheckRequest(InputDocument.of("upload.json",
                "{\"bomFormat\": \"CycloneDX\",\n\"components\": 5}"), "ntia", AT)))
                .isInstanceOf(InputException.class)
                .hasMessage("upload.json: line 2, column 15, at /components: expected an array, found a number");
    }

    private static InputDocument resource(String name) throws IOException {
        try (InputStream in = SbomCheckUseCaseTest.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException("missing test resource " + name);
            }
            return new InputDocument(name.substring(name.lastIndexOf('/') + 1), in.readAllBytes());
        }
    }
}
