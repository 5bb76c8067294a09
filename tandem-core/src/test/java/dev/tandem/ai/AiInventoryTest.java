package dev.tandem.ai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tandem.input.InputDocument;
import dev.tandem.input.InputException;
import dev.tandem.sbom.Sbom;
import dev.tandem.sbom.SbomDocument;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The AI inventory of real ML-BOMs (CycloneDX bom-examples, CC0; mlbom/SOURCES.md). */
class AiInventoryTest {

    private static InputDocument fixture(String name) throws IOException {
        try (InputStream in = AiInventoryTest.class.getResourceAsStream("/mlbom/" + name)) {
            return new InputDocument(name, in.readAllBytes());
        }
    }

    private static List<AiComponent> inventory(InputDocument document) throws InputException {
        SbomDocument parsed = SbomDocument.parse(document);
        return AiInventory.of(parsed.sbom(), parsed.details().orElseThrow());
    }

    private static List<AiComponent> inventory(String name) throws Exception {
        return inventory(fixture(name));
    }

    @Test
    void aModelCardWithReferencedDatasetsIsReadAndItsGapsFlagged() throws Exception {
        List<AiComponent> ai = inventory("model-card-with-dataset.cdx.json");
        assertThat(ai).extracting(AiComponent::kind).containsExactly(AiKind.MODEL, AiKind.DATASET, AiKind.DATASET);
        AiComponent model = ai.get(0);
        assertThat(model.label()).isEqualTo("support-ticket-classifier@1.0.0");
        assertThat(model.supplier()).isEqualTo("Example ML Team");
        assertThat(model.modelCard()).isEqualTo(new AiComponent.ModelCardFacts("text-classification",
                "encoder-only transformer", true, true));
        // The card names the data components by bom-ref: the inventory shows them by name and version.
        assertThat(model.datasets()).containsExactly("support-ticket-training-data@2026.04",
                "support-ticket-evaluation-data@2026.04");
        // A publisher but no purl, pedigree or reference saying where it comes from, and no hashes.
        assertThat(model.flags()).containsExactly(AiFlag.NO_PROVENANCE, AiFlag.NO_HASHES);
        assertThat(model.findings().get(0)).contains("where it came from").doesNotContain("who supplied it");
        assertThat(model.provenance()).isEqualTo("supplier Example ML Team");
        // Datasets are never flagged for a model card; these name no supplier either.
        assertThat(ai.get(1).flags()).containsExactly(AiFlag.NO_PROVENANCE, AiFlag.NO_HASHES);
        assertThat(ai.get(1).modelCard()).isNull();
        assertThat(ai.get(1).findings().get(0)).contains("who supplied it").contains("where it came from");
    }

    @Test
    void aHuggingFaceModelWithSupplierWebsiteAndHashHasProvenance() throws Exception {
        AiComponent bert = inventory("bert-base-cased.cdx.json").getFirst();
        assertThat(bert.kind()).isEqualTo(AiKind.MODEL);
        assertThat(bert.supplier()).isEqualTo("google-bert");
        assertThat(bert.provenance()).isEqualTo("supplier google-bert; origin website https://huggingface.co/google-bert/bert-base-cased");
        assertThat(bert.hashAlgorithms()).containsExactly("SHA-1");
        // Its card gives only the datasets, inline: no task, no metrics, no considerations, but it is a card.
        assertThat(bert.modelCard()).isEqualTo(new AiComponent.ModelCardFacts("", "", false, false));
        assertThat(bert.datasets()).containsExactly("legacy-datasets/wikipedia", "bookcorpus/bookcorpus");
        assertThat(bert.flags()).isEmpty();
        assertThat(bert.clean()).isTrue();
    }

    @Test
    void aDatasetComponentIsListedWithItsOrigin() throws Exception {
        AiComponent wikipedia = inventory("wikipedia-dataset.cdx.json").getFirst();
        assertThat(wikipedia.kind()).isEqualTo(AiKind.DATASET);
        assertThat(wikipedia.provenance()).startsWith("supplier Wikimedia; origin website https://huggingface.co/datasets/");
        assertThat(wikipedia.flags()).isEmpty();
    }

    @Test
    void theExampleAsPublishedIsRefusedWithItsPosition() {
        // The bom-examples ML-BOM branch publishes this file with a trailing comma: not JSON.
        assertThatThrownBy(() -> inventory("bert-base-cased-as-published.cdx.json"))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("bert-base-cased-as-published.cdx.json")
                .hasMessageContaining("line 9");
    }

    @Test
    void xmlGivesTheSameInventoryAsJson() throws Exception {
        List<AiComponent> json = inventory("model-card-with-dataset.cdx.json");
        List<AiComponent> xml = inventory("model-card-with-dataset.cdx.xml");
        assertThat(xml).hasSameSizeAs(json);
        for (int i = 0; i < json.size(); i++) {
            AiComponent j = json.get(i);
            AiComponent x = xml.get(i);
            assertThat(x.kind()).isEqualTo(j.kind());
            assertThat(x.label()).isEqualTo(j.label());
            assertThat(x.datasets()).isEqualTo(j.datasets());
            assertThat(x.flags()).isEqualTo(j.flags());
            assertThat(x.provenance()).isEqualTo(j.provenance());
            assertThat(x.modelCard()).isEqualTo(j.modelCard());
        }
    }

    @Test
    void withoutDetailsAModelIsFlaggedOnlyForWhatTheModelShows() throws Exception {
        Sbom sbom = SbomDocument.parse(fixture("bert-base-cased.cdx.json")).sbom();
        AiComponent bert = AiInventory.of(sbom, null).getFirst();
        // The website reference is a detail: without details the origin is not known, nor the card.
        assertThat(bert.flags()).containsExactly(AiFlag.NO_PROVENANCE, AiFlag.NO_MODEL_CARD);
        assertThat(bert.findings()).anyMatch(f -> f.contains("were not read")).anyMatch(f -> f.contains("not read"));
    }

    @Test
    void aModelWithoutCardHashesOrSupplierGetsEveryFlag() throws Exception {
        String bom = """
                {"bomFormat": "CycloneDX", "specVersion": "1.6", "components": [
                  {"type": "machine-learning-model", "name": "person-detector", "version": "3"},
                  {"type": "library", "name": "libjpeg", "version": "9e"}]}""";
        List<AiComponent> ai = inventory(new InputDocument("bare.cdx.json", bom.getBytes(StandardCharsets.UTF_8)));
        assertThat(ai).singleElement().satisfies(model -> {
            assertThat(model.flags()).containsExactly(AiFlag.NO_PROVENANCE, AiFlag.NO_HASHES, AiFlag.NO_MODEL_CARD);
            assertThat(model.findings()).hasSize(3);
        });
    }

    @Test
    void aPurlOrAPedigreeIsAnOrigin() throws Exception {
        String bom = """
                {"bomFormat": "CycloneDX", "specVersion": "1.6", "components": [
                  {"type": "machine-learning-model", "name": "a", "supplier": {"name": "S"},
                   "purl": "pkg:huggingface/org/a@1", "hashes": [{"alg": "SHA-256", "content": "00"}], "modelCard": {}},
                  {"type": "machine-learning-model", "name": "b", "supplier": {"name": "S"},
                   "pedigree": {"ancestors": [{"type": "machine-learning-model", "name": "base"}]},
                   "hashes": [{"alg": "SHA-256", "content": "00"}], "modelCard": {}}]}""";
        List<AiComponent> ai = inventory(new InputDocument("origins.cdx.json", bom.getBytes(StandardCharsets.UTF_8)));
        assertThat(ai.get(0).provenance()).isEqualTo("supplier S; origin purl pkg:huggingface/org/a@1");
        assertThat(ai.get(0).flags()).isEmpty();
        // The ancestor inside the pedigree is not a component of the product.
        assertThat(ai).hasSize(2);
        assertThat(ai.get(1).provenance()).isEqualTo("supplier S; origin pedigree");
        assertThat(ai.get(1).flags()).isEmpty();
    }

    @Test
    void aTypeOfTheWrongShapeIsRefusedWithItsPointer() {
        String bom = """
                {"bomFormat": "CycloneDX", "specVersion": "1.6", "components": [{"type": {"kind": "model"}, "name": "x"}]}""";
        assertThatThrownBy(() -> inventory(new InputDocument("typed.cdx.json", bom.getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("typed.cdx.json")
                .hasMessageContaining("/components/0/type");
    }

    @Test
    void anSpdxDocumentListsNoAiComponents() throws Exception {
        String spdx = """
                {"spdxVersion": "SPDX-2.3", "dataLicense": "CC0-1.0", "SPDXID": "SPDXRef-DOCUMENT", "name": "x",
                 "documentNamespace": "https://example.com/x", "creationInfo": {"created": "2026-01-01T00:00:00Z",
                 "creators": ["Tool: t"]}, "packages": [{"SPDXID": "SPDXRef-m", "name": "model", "downloadLocation": "NOASSERTION",
                 "primaryPackagePurpose": "OTHER"}]}""";
        SbomDocument parsed = SbomDocument.parse(new InputDocument("x.spdx.json", spdx.getBytes(StandardCharsets.UTF_8)));
        assertThat(AiInventory.hasAiComponents(parsed.sbom())).isFalse();
        assertThat(AiInventory.of(parsed.sbom(), parsed.details().orElseThrow())).isEmpty();
    }
}
