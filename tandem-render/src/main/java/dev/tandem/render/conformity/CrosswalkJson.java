package dev.tandem.render.conformity;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tandem.conformity.crosswalk.Crosswalk;
import dev.tandem.conformity.crosswalk.Mapping;
import dev.tandem.render.TextRenderer;
import dev.tandem.usecase.conformity.CrosswalkResult;
import java.io.PrintWriter;
import java.util.Collections;
import java.util.List;

/**
 * A crosswalk as JSON: one item per source/target pair (the contract since the first release), each
 * naming its whole entry's target set (docs/schemas/crosswalk.schema.json).
 */
public final class CrosswalkJson implements TextRenderer<CrosswalkResult> {

    @Override
    public String mediaType() {
        return "application/json";
    }

    @Override
    public void render(CrosswalkResult result, PrintWriter out) {
        Crosswalk crosswalk = result.crosswalk();
        ObjectNode doc = JsonNodeFactory.instance.objectNode();
        doc.put("id", crosswalk.id());
        doc.put("from", crosswalk.from());
        doc.put("to", crosswalk.to());
        doc.put("title", crosswalk.title());
        doc.put("matchingRationale", crosswalk.matchingRationale());
        doc.put("status", crosswalk.status());
        doc.put("reversed", crosswalk.reversed());
        doc.put("relationshipScope", "relationship of the source requirement to the union of the entry's targets (NIST IR 8477)");
        ArrayNode mappings = doc.putArray("mappings");
        for (Mapping m : crosswalk.mappings()) {
            List<String> targets = m.targets().isEmpty() ? Collections.singletonList(null) : m.targets();
            for (String target : targets) {
                ObjectNode item = mappings.addObject();
                item.put("source", m.source());
                item.put("target", target);
                item.put("relationship", m.relationship().label());
                item.put("entry", m.entryId(crosswalk.id()));
                m.targets().forEach(item.putArray("targets")::add);
                putIfPresent(item, "rationale", m.rationale());
                putIfPresent(item, "reason", m.reason());
                putIfPresent(item, "gap", m.gap());
                putIfPresent(item, "common", m.common());
                putIfPresent(item, "onlyInSource", m.onlyInSource());
                putIfPresent(item, "onlyInTargets", m.onlyInTargets());
                putIfPresent(item, "confidence", m.confidence() == null ? null : m.confidence().label());
                m.sources().forEach(item.putArray("sources")::add);
                putIfPresent(item, "reversedFrom", m.reversedFrom());
            }
        }
        doc.set("catalog", CatalogStamp.json(result.fingerprint()));
        PrettyJson.print(doc, out);
    }

    private static void putIfPresent(ObjectNode node, String field, String value) {
        if (value != null) {
            node.put(field, value);
        }
    }
}
