package dev.tandem.usecase.pqc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tandem.input.InputDocument;
import dev.tandem.input.InputException;
import dev.tandem.pqc.Classification;
import dev.tandem.pqc.plan.PlanItem;
import dev.tandem.pqc.plan.ProductReadiness;
import dev.tandem.usecase.KnowledgeBase;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The post-quantum plan driven with documents held in memory: no file, no path. */
class PqcPlanUseCaseTest {

    private static final LocalDate ON = LocalDate.of(2026, 12, 1);
    private static final PqcPlanUseCase PLAN = new PqcPlanUseCase(KnowledgeBase.bundled());

    @Test
    void theCameraCbomGivesItsReadinessAndADatedPlan() throws Exception {
        PqcPlanResult result = PLAN.run(new PqcPlanRequest(List.of(resource("smart-camera-cbom.json")), null, null, ON));
        assertThat(result.on()).isEqualTo(ON);
        assertThat(result.catalog()).isEqualTo(KnowledgeBase.bundled().fingerprint());
        assertThat(result.warnings()).isEmpty();
        assertThat(result.report().scope().markets()).containsExactly("eu", "us");
        assertThat(result.report().scope().sectors()).containsExactly("general");
        ProductReadiness camera = result.report().products().get(0);
        assertThat(camera.product()).isEqualTo("Acme SmartCam C200 4.2.0");
        assertThat(camera.sources()).containsExactly("smart-camera-cbom.json");
        assertThat(camera.readinessPercent()).isEqualTo(26);
        PlanItem first = result.report().items().get(0);
        assertThat(first.asset().name()).isEqualTo("SHA-1");
        assertThat(first.deadlineText()).isEqualTo("immediately");
        assertThat(result.anyAtOrAbove(Classification.QUANTUM_VULNERABLE)).isTrue();
    }

    @Test
    void sectorAliasesAndCaseAreResolvedAndRepeatsCollapse() throws Exception {
        PqcPlanResult result = PLAN.run(new PqcPlanRequest(List.of(resource("smart-camera-cbom.json")),
                List.of(" EU ", "eu"), List.of("Energy", "critical-infrastructure"), ON));
        assertThat(result.report().scope().markets()).containsExactly("eu");
        assertThat(result.report().scope().sectors()).containsExactly("critical-infrastructure");
        assertThat(result.report().items()).filteredOn(i -> i.asset().name().equals("X25519")).singleElement()
                .satisfies(i -> assertThat(i.deadlineText()).isEqualTo("2030-12-31"));
    }

    @Test
    void anOrdinarySbomGivesLibraryEvidenceOnly() throws Exception {
        InputDocument sbom = InputDocument.of("gateway.cdx.json", """
                {"bomFormat":"CycloneDX","specVersion":"1.5","metadata":{"component":{"type":"device","name":"gateway","version":"3"}},
                 "components":[{"type":"library","name":"openssl","version":"3.0.13","purl":"pkg:generic/openssl@3.0.13"}]}
                """);
        PqcPlanResult result = PLAN.run(new PqcPlanRequest(List.of(sbom), List.of("us"), List.of("general"), ON));
        assertThat(result.report().products()).singleElement()
                .satisfies(p -> assertThat(p.libraryEvidenceOnly()).isTrue());
    }

    @Test
    void documentsNamingTheSameProductAreOneProduct() throws Exception {
        String cbom = """
                {"bomFormat":"CycloneDX","specVersion":"1.6","metadata":{"component":{"type":"firmware","name":"fw","version":"2"}},
                 "components":[{"type":"cryptographic-asset","name":"%s","cryptoProperties":{"assetType":"algorithm"}}]}
                """;
        PqcPlanResult result = PLAN.run(new PqcPlanRequest(List.of(InputDocument.of("a.json", cbom.formatted("ML-KEM-768")),
                InputDocument.of("b.json", cbom.formatted("RSA-2048"))), null, null, ON));
        assertThat(result.report().products()).singleElement().satisfies(p -> {
            assertThat(p.sources()).containsExactly("a.json", "b.json");
            assertThat(p.readinessPercent()).isEqualTo(50);
        });
    }

    @Test
    void anUnknownOrMissingScopeIsRefusedBeforeAnyDocumentIsRead() {
        List<InputDocument> unreadable = List.of(InputDocument.of("x.json", "{"));
        assertThatThrownBy(() -> PLAN.run(new PqcPlanRequest(unreadable, List.of("mars"), null, ON)))
                .isInstanceOfSatisfying(UnknownScopeException.class, e -> {
                    assertThat(e.getMessage()).isEqualTo("unknown market 'mars', expected one of eu, us");
                    assertThat(e.known()).containsExactly("eu", "us");
                });
        assertThatThrownBy(() -> PLAN.run(new PqcPlanRequest(unreadable, null, List.of("space"), ON)))
                .isInstanceOf(UnknownScopeException.class).hasMessageStartingWith("unknown sector 'space', expected one of general");
        assertThatThrownBy(() -> PLAN.run(new PqcPlanRequest(unreadable, List.of(" "), null, ON)))
                .isInstanceOf(UnknownScopeException.class).hasMessage("no market given; expected one or more of eu, us");
    }

    @Test
    void aBrokenDocumentIsBadInputNamingItsSourceAndPosition() {
        InputDocument dangling = InputDocument.of("dangling.json", """
                {"bomFormat":"CycloneDX","components":[{"type":"cryptographic-asset","name":"cert","cryptoProperties":
                 {"assetType":"certificate","certificateProperties":{"signatureAlgorithmRef":"nowhere"}}}]}
                """);
        assertThatThrownBy(() -> PLAN.run(new PqcPlanRequest(List.of(dangling), null, null, ON)))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith("dangling.json: line 2, column ")
                .hasMessageEndingWith("at /components/0/cryptoProperties/certificateProperties/signatureAlgorithmRef: "
                        + "reference \"nowhere\" points to no component of this document");
    }

    private static InputDocument resource(String name) throws IOException {
        try (InputStream in = PqcPlanUseCaseTest.class.getResourceAsStream("/pqc/cbom/" + name)) {
            if (in == null) {
                throw new IOException("missing test resource " + name);
            }
            return new InputDocument(name, in.readAllBytes());
        }
    }
}
