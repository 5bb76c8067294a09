package dev.tandem.render.conformity;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tandem.conformity.catalog.Requirement;
import dev.tandem.conformity.catalog.RequirementCatalog;
import dev.tandem.render.TextRenderer;
import dev.tandem.usecase.conformity.CatalogShowResult;
import java.io.PrintWriter;

/** One catalog as JSON, absent values left out (docs/schemas/catalog-show.schema.json). */
public final class CatalogShowJson implements TextRenderer<CatalogShowResult> {

    @Override
    public String mediaType() {
        return "application/json";
    }

    @Override
    public void render(CatalogShowResult result, PrintWriter out) {
        RequirementCatalog catalog = result.catalog();
        ObjectNode doc = JsonNodeFactory.instance.objectNode();
        putIfPresent(doc, "id", catalog.id());
        putIfPresent(doc, "title", catalog.title());
        putIfPresent(doc, "version", catalog.version());
        putIfPresent(doc, "publisher", catalog.publisher());
        putIfPresent(doc, "url", catalog.url());
        putIfPresent(doc, "standard", catalog.standard());
        putIfPresent(doc, "source", catalog.source());
        ArrayNode requirements = doc.putArray("requirements");
        for (Requirement r : catalog.requirements()) {
            ObjectNode item = requirements.addObject();
            putIfPresent(item, "id", r.id());
            putIfPresent(item, "title", r.title());
            putIfPresent(item, "kind", r.kind());
            putIfPresent(item, "group", r.group());
            putIfPresent(item, "parent", r.parent());
            putIfPresent(item, "obligation", r.obligation());
            // Always written, false when the catalog leaves it out: the contract since the first release.
            item.put("conditional", r.isConditional());
            putIfPresent(item, "confidence", r.confidence() == null ? null : r.confidence().label());
            putIfPresent(item, "source", r.source());
            putIfPresent(item, "note", r.note());
            putIfPresent(item, "condition", r.condition());
            putIfPresent(item, "craClass", r.craClass());
            putIfPresent(item, "description", r.description());
            putIfPresent(item, "descriptionSource", r.descriptionSource());
            putIfPresent(item, "descriptionConfidence", r.descriptionConfidence() == null ? null : r.descriptionConfidence().label());
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
