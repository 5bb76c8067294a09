package dev.tandem.render.conformity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tandem.catalog.CatalogFingerprint;
import dev.tandem.catalog.CatalogSource;
import dev.tandem.conformity.BundledSchema;
import dev.tandem.conformity.ConformityKnowledgeBase;
import dev.tandem.conformity.catalog.RequirementCatalog;
import dev.tandem.conformity.crosswalk.Crosswalk;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Catalogs and crosswalks export as OSCAL documents valid against the official schemas, the fingerprint included. */
class OscalExportTest {

    private final ConformityKnowledgeBase kb = ConformityKnowledgeBase.bundled();
    private static final CatalogFingerprint FINGERPRINT = fingerprint();
    private static final BundledSchema CATALOG = BundledSchema.load(BundledSchema.OSCAL_CATALOG);
    private static final BundledSchema MAPPING = BundledSchema.load(BundledSchema.OSCAL_MAPPING);

    @Test
    void everyCatalogExportsAsAValidOscalCatalog() {
        for (RequirementCatalog catalog : kb.catalogs()) {
            ObjectNode doc = CatalogShowOscal.document(catalog, FINGERPRINT);
            assertThat(CATALOG.violations(doc)).as(catalog.id()).isEmpty();
            assertThat(controlIds(doc)).as(catalog.id()).hasSize(catalog.requirements().size()
                    - catalog.ofKind("category").size() - catalog.ofKind("outcome").size());
        }
    }

    @Test
    void exportIsStable() {
        RequirementCatalog etsi = kb.catalog("etsi-en-303-645").orElseThrow();
        assertThat(CatalogShowOscal.document(etsi, FINGERPRINT)).isEqualTo(CatalogShowOscal.document(etsi, FINGERPRINT));
        assertThat(controlIds(CatalogShowOscal.document(etsi, FINGERPRINT))).contains("en303645-5.1-1");
    }

    @Test
    void invalidCatalogsAreCaught() {
        ObjectNode doc = CatalogShowOscal.document(kb.catalog("etsi-en-303-645").orElseThrow(), FINGERPRINT);
        ObjectNode control = (ObjectNode) doc.at("/catalog/groups/0/controls/0");
        control.put("id", "5.1-1");
        ((ObjectNode) doc.at("/catalog/metadata")).remove("oscal-version");
        ((ObjectNode) doc.at("/catalog")).put("uuid", "not-a-uuid");
        List<String> violations = CATALOG.violations(doc);
        assertThat(violations).anyMatch(v -> v.contains("/catalog/groups/0/controls/0/id"))
                .anyMatch(v -> v.contains("oscal-version"))
                .anyMatch(v -> v.contains("/catalog/uuid"));
    }

    @Test
    void everyCrosswalkExportsAsAValidMappingCollectionBothWays() {
        for (Crosswalk stored : kb.crosswalks()) {
            for (Crosswalk x : List.of(stored, kb.crosswalk(stored.to(), stored.from()).orElseThrow())) {
                ObjectNode doc = CrosswalkOscal.document(x, FINGERPRINT);
                assertThat(MAPPING.violations(doc)).as(x.id()).isEmpty();
                long mapped = x.mappings().stream().filter(m -> m.hasCounterpart()).count();
                assertThat(doc.at("/mapping-collection/mappings/0/maps")).as(x.id()).hasSize((int) mapped);
                java.util.Set<String> uuids = new java.util.HashSet<>();
                doc.at("/mapping-collection/mappings/0/maps").forEach(m -> assertThat(uuids.add(m.path("uuid").asText()))
                        .as(x.id() + " duplicate map uuid").isTrue());
            }
        }
    }

    @Test
    void mapsReferToExportedControlIdsAndUnmappedOnesGoToTheGapSummary() {
        Crosswalk x = kb.storedCrosswalk("cra-annex-i", "etsi-en-303-645").orElseThrow();
        ObjectNode doc = CrosswalkOscal.document(x, FINGERPRINT);
        List<String> sourceIds = controlIds(CatalogShowOscal.document(kb.catalog("cra-annex-i").orElseThrow(), FINGERPRINT));
        List<String> targetIds = controlIds(CatalogShowOscal.document(kb.catalog("etsi-en-303-645").orElseThrow(), FINGERPRINT));
        for (JsonNode map : doc.at("/mapping-collection/mappings/0/maps")) {
            map.path("sources").forEach(s -> assertThat(sourceIds).contains(s.path("id-ref").asText()));
            map.path("targets").forEach(t -> assertThat(targetIds).contains(t.path("id-ref").asText()));
        }
        assertThat(doc.at("/mapping-collection/mappings/0/source-gap-summary/unmapped-controls/0/with-ids"))
                .extracting(JsonNode::asText).containsExactly("cra-i-1", "cra-ii-1");
    }

    @Test
    void remarksKeepRationaleAndGapAsTwoSentences() {
        ObjectNode doc = CrosswalkOscal.document(kb.storedCrosswalk("cra-annex-i", "nist-ir-8425").orElseThrow(), FINGERPRINT);
        JsonNode first = doc.at("/mapping-collection/mappings/0/maps/0");
        assertThat(first.at("/sources/0/id-ref").asText()).isEqualTo("cra-i-1");
        assertThat(first.path("remarks").asText()).contains("so neither side contains the other. Both ask: ")
                .contains(". Only the source: Actually achieving").contains(". Gap: For the CRA: a formal");
    }

    @Test
    void invalidMappingCollectionsAreCaught() {
        ObjectNode doc = CrosswalkOscal.document(kb.crosswalks().getFirst(), FINGERPRINT);
        ObjectNode map = (ObjectNode) doc.at("/mapping-collection/mappings/0/maps/0");
        map.put("relationship", "related-to");
        map.remove("targets");
        ((ObjectNode) doc.at("/mapping-collection/provenance")).remove("mapping-description");
        List<String> violations = MAPPING.violations(doc);
        assertThat(violations).anyMatch(v -> v.contains("relationship"))
                .anyMatch(v -> v.contains("targets"))
                .anyMatch(v -> v.contains("mapping-description"));
    }

    @Test
    void theFingerprintTravelsAsMetadataPropsInTandemsNamespace() {
        ObjectNode catalog = CatalogShowOscal.document(kb.catalogs().getFirst(), FINGERPRINT);
        ObjectNode mapping = CrosswalkOscal.document(kb.crosswalks().getFirst(), FINGERPRINT);
        for (JsonNode props : List.of(catalog.at("/catalog/metadata/props"), mapping.at("/mapping-collection/metadata/props"))) {
            assertThat(props).extracting(p -> p.path("name").asText() + "=" + p.path("value").asText())
                    .containsExactly("catalog-version=" + FINGERPRINT.version(), "catalog-sha256=" + FINGERPRINT.sha256(),
                            "catalog-origin=bundled");
            assertThat(props).allSatisfy(p -> assertThat(p.path("ns").asText()).isEqualTo(CatalogShowOscal.NS));
        }
    }

    private static CatalogFingerprint fingerprint() {
        try {
            return CatalogFingerprint.of(CatalogSource.bundled());
        } catch (dev.tandem.input.InputException e) {
            throw new AssertionError(e);
        }
    }

    static List<String> controlIds(JsonNode doc) {
        List<String> ids = new ArrayList<>();
        collect(doc.path("catalog"), ids);
        return ids;
    }

    private static void collect(JsonNode node, List<String> ids) {
        for (JsonNode group : node.path("groups")) {
            collect(group, ids);
        }
        for (JsonNode control : node.path("controls")) {
            ids.add(control.path("id").asText());
            collect(control, ids);
        }
    }
}
