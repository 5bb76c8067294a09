package dev.tandem.render.conformity;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tandem.catalog.CatalogFingerprint;
import dev.tandem.conformity.crosswalk.Crosswalk;
import dev.tandem.conformity.crosswalk.Mapping;
import dev.tandem.render.TextRenderer;
import dev.tandem.usecase.conformity.CrosswalkResult;
import java.io.PrintWriter;
import java.util.List;

/**
 * Exports a crosswalk as an OSCAL 1.2 mapping collection: one mapping between the two catalogs (as
 * exported by {@link CatalogShowOscal}, referenced as {@code <id>.oscal.json}), one map per entry with
 * the IR 8477 relationship token, rationale and gap as remarks, confidence and sources as props. Entries
 * with no counterpart go to the source gap summary (the model requires at least one target per map).
 * The fingerprint of the knowledge base travels as metadata props.
 */
public final class CrosswalkOscal implements TextRenderer<CrosswalkResult> {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    @Override
    public String mediaType() {
        return "application/oscal+json";
    }

    @Override
    public void render(CrosswalkResult result, PrintWriter out) {
        PrettyJson.print(document(result.crosswalk(), result.fingerprint()), out);
    }

    /** The OSCAL mapping-collection document of one crosswalk of the knowledge base {@code fingerprint} names. */
    public static ObjectNode document(Crosswalk crosswalk, CatalogFingerprint fingerprint) {
        ObjectNode root = NODES.objectNode();
        ObjectNode collection = root.putObject("mapping-collection");
        collection.put("uuid", NameBasedUuid.of("mapping-collection:" + crosswalk.id()));
        ObjectNode metadata = collection.putObject("metadata");
        metadata.put("title", crosswalk.title());
        metadata.put("last-modified", CatalogShowOscal.REVIEWED);
        metadata.put("version", crosswalk.status() == null ? "draft" : crosswalk.status());
        metadata.put("oscal-version", "1.2.2");
        metadata.set("props", CatalogStamp.oscalProps(fingerprint));
        ObjectNode provenance = collection.putObject("provenance");
        provenance.put("method", "human");
        provenance.put("matching-rationale", crosswalk.matchingRationale() == null ? "semantic" : crosswalk.matchingRationale());
        provenance.put("status", "draft".equals(crosswalk.status()) ? "draft" : "not-complete");
        provenance.put("mapping-description", "Tandem crosswalk " + crosswalk.id() + " (catalog/conformity/). "
                + "Not an official mapping: each map's relationship is the NIST IR 8477 relation of the source requirement "
                + "to the union of its targets; the method is in docs/conformity.md."
                + (crosswalk.reversed() ? " This is a computed reversed view of a stored crosswalk." : ""));
        ArrayNode mappings = collection.putArray("mappings");
        ObjectNode mapping = mappings.addObject();
        mapping.put("uuid", NameBasedUuid.of("mapping:" + crosswalk.id()));
        ObjectNode source = mapping.putObject("source-resource");
        source.put("type", "catalog");
        source.put("href", crosswalk.from() + ".oscal.json");
        ObjectNode target = mapping.putObject("target-resource");
        target.put("type", "catalog");
        target.put("href", crosswalk.to() + ".oscal.json");
        ArrayNode maps = mapping.putArray("maps");
        ArrayNode unmapped = NODES.arrayNode();
        for (Mapping m : crosswalk.mappings()) {
            if (!m.hasCounterpart()) {
                unmapped.add(OscalIds.control(crosswalk.from(), m.source()));
                continue;
            }
            ObjectNode map = maps.addObject();
            map.put("uuid", NameBasedUuid.of("map:" + m.entryId(crosswalk.id()) + "->" + String.join(",", m.targets())));
            map.put("relationship", m.relationship().oscal());
            items(map.putArray("sources"), crosswalk.from(), List.of(m.source()));
            items(map.putArray("targets"), crosswalk.to(), m.targets());
            ArrayNode props = map.putArray("props");
            prop(props, "confidence", m.confidence() == null ? "unspecified" : m.confidence().label());
            for (String citation : m.sources()) {
                prop(props, "source", citation);
            }
            if (m.reversedFrom() != null) {
                prop(props, "reversed-from", m.reversedFrom());
            }
            StringBuilder remarks = new StringBuilder(m.rationale() == null ? "" : m.rationale());
            if (m.common() != null) {
                // The set reasoning the relationship follows from (NIST IR 8477), so an OSCAL reader can check it.
                sentence(remarks, "Both ask: " + m.common() + ". Only the source: " + m.onlyInSource()
                        + ". Only the targets: " + m.onlyInTargets());
            }
            if (m.gap() != null) {
                sentence(remarks, "Gap: " + m.gap());
            }
            if (!remarks.isEmpty()) {
                map.put("remarks", remarks.toString());
            }
        }
        if (!unmapped.isEmpty()) {
            ObjectNode gap = mapping.putObject("source-gap-summary");
            gap.put("uuid", NameBasedUuid.of("gap:" + crosswalk.id()));
            gap.putArray("unmapped-controls").addObject().set("with-ids", unmapped);
        }
        return root;
    }

    private static void items(ArrayNode array, String catalogId, List<String> ids) {
        for (String id : ids) {
            ObjectNode item = array.addObject();
            item.put("type", "control");
            item.put("id-ref", OscalIds.control(catalogId, id));
        }
    }

    private static void prop(ArrayNode props, String name, String value) {
        ObjectNode p = props.addObject();
        p.put("name", name);
        p.put("ns", CatalogStamp.OSCAL_NS);
        p.put("value", value);
    }

    /** Appends a sentence; rationales carry no final full stop, so one is added where the text lacks it. */
    private static void sentence(StringBuilder remarks, String text) {
        boolean closed = remarks.isEmpty() || remarks.toString().matches("(?s).*[.!?]\\s*");
        remarks.append(remarks.isEmpty() ? "" : closed ? " " : ". ").append(text);
    }
}
