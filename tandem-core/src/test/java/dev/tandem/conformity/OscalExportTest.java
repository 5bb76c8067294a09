package dev.tandem.conformity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tandem.conformity.catalog.RequirementCatalog;
import dev.tandem.conformity.crosswalk.Crosswalk;
import dev.tandem.conformity.oscal.OscalCatalogExporter;
import dev.tandem.conformity.oscal.OscalMappingExporter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class OscalExportTest {

    private final ConformityKnowledgeBase kb = ConformityKnowledgeBase.bundled();
    private static final BundledSchema CATALOG = BundledSchema.load(BundledSchema.OSCAL_CATALOG);
    private static final BundledSchema MAPPING = BundledSchema.load(BundledSchema.OSCAL_MAPPING);

    @Test
    void everyCatalogExportsAsAValidOscalCatalog() {
        for (RequirementCatalog catalog : kb.catalogs()) {
            ObjectNode doc = OscalCatalogExporter.export(catalog);
            assertThat(CATALOG.violations(doc)).as(catalog.id()).isEmpty();
            assertThat(controlIds(doc)).as(catalog.id()).hasSize(catalog.requirements().size()
                    - catalog.ofKind("category").size() - catalog.ofKind("outcome").size());
        }
    }

    @Test
    void exportIsStable() {
        RequirementCatalog etsi = kb.catalog("etsi-en-303-645").orElseThrow();
        assertThat(OscalCatalogExporter.export(etsi)).isEqualTo(OscalCatalogExporter.export(etsi));
        assertThat(controlIds(OscalCatalogExporter.export(etsi))).contains("en303645-5.1-1");
    }

    @Test
    void invalidCatalogsAreCaught() {
        ObjectNode doc = OscalCatalogExporter.export(kb.catalog("etsi-en-303-645").orElseThrow());
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
                ObjectNode doc = OscalMappingExporter.export(x);
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
        ObjectNode doc = OscalMappingExporter.export(x);
        List<String> sourceIds = controlIds(OscalCatalogExporter.export(kb.catalog("cra-annex-i").orElseThrow()));
        List<String> targetIds = controlIds(OscalCatalogExporter.export(kb.catalog("etsi-en-303-645").orElseThrow()));
        for (JsonNode map : doc.at("/mapping-collection/mappings/0/maps")) {
            map.path("sources").forEach(s -> assertThat(sourceIds).contains(s.path("id-ref").asText()));
            map.path("targets").forEach(t -> assertThat(targetIds).contains(t.path("id-ref").asText()));
        }
        assertThat(doc.at("/mapping-collection/mappings/0/source-gap-summary/unmapped-controls/0/with-ids"))
                .extracting(JsonNode::asText).containsExactly("cra-i-1", "cra-ii-1");
    }

    @Test
    void remarksKeepRationaleAndGapAsTwoSentences() {
        ObjectNode doc = OscalMappingExporter.export(kb.storedCrosswalk("cra-annex-i", "nist-ir-8425").orElseThrow());
        JsonNode first = doc.at("/mapping-collection/mappings/0/maps/0");
        assertThat(first.at("/sources/0/id-ref").asText()).isEqualTo("cra-i-1");
        assertThat(first.path("remarks").asText()).contains("contains that documentation. Gap: For the CRA: a formal");
    }

    @Test
    void invalidMappingCollectionsAreCaught() {
        ObjectNode doc = OscalMappingExporter.export(kb.crosswalks().getFirst());
        ObjectNode map = (ObjectNode) doc.at("/mapping-collection/mappings/0/maps/0");
        map.put("relationship", "related-to");
        map.remove("targets");
        ((ObjectNode) doc.at("/mapping-collection/provenance")).remove("mapping-description");
        List<String> violations = MAPPING.violations(doc);
        assertThat(violations).anyMatch(v -> v.contains("relationship"))
                .anyMatch(v -> v.contains("targets"))
                .anyMatch(v -> v.contains("mapping-description"));
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
