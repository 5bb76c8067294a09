package dev.tandem.render.conformity;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tandem.conformity.registry.Eligibility;
import dev.tandem.render.TextRenderer;
import dev.tandem.usecase.conformity.RegistryEntryResult;
import java.io.PrintWriter;

/**
 * The CTA-2120 1.0.0 registry entry. The schema leaves its top level open (no
 * {@code additionalProperties: false}), so the catalog's fingerprint travels as one more field,
 * {@code catalog}, and the entry still validates as published (docs/conformity.md). A draft for a
 * product that is not eligible starts with an {@code eligibility} field saying so, before any CTA-2120
 * field, so that nobody reads it as an entry to publish.
 */
public final class RegistryEntryJson implements TextRenderer<RegistryEntryResult> {

    @Override
    public String mediaType() {
        return "application/json";
    }

    @Override
    public void render(RegistryEntryResult result, PrintWriter out) {
        ObjectNode entry = result.entry();
        Eligibility eligibility = result.eligibility();
        if (!eligibility.eligible()) {
            ObjectNode marked = JsonNodeFactory.instance.objectNode();
            ObjectNode e = marked.putObject("eligibility");
            e.put("eligible", false);
            e.put("banner", eligibility.banner());
            ArrayNode notMet = e.putArray("notMet");
            for (Eligibility.Outcome o : eligibility.notMet()) {
                ObjectNode item = notMet.addObject();
                item.put("outcome", o.outcome());
                item.put("outcomeTitle", o.outcomeTitle());
                item.put("requirement", o.requirement());
                item.put("title", o.title());
                item.put("how", o.how());
            }
            marked.setAll(entry);
            entry = marked;
        }
        entry.set("catalog", CatalogStamp.json(result.fingerprint()));
        PrettyJson.print(entry, out);
    }
}
