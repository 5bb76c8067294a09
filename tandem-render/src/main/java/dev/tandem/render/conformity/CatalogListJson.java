package dev.tandem.render.conformity;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tandem.conformity.catalog.RequirementCatalog;
import dev.tandem.render.TextRenderer;
import dev.tandem.usecase.conformity.CatalogListResult;
import java.io.PrintWriter;

/** The catalogs as JSON (docs/schemas/catalog-list.schema.json). */
public final class CatalogListJson implements TextRenderer<CatalogListResult> {

    @Override
    public String mediaType() {
        return "application/json";
    }

    @Override
    public void render(CatalogListResult result, PrintWriter out) {
        ObjectNode doc = JsonNodeFactory.instance.objectNode();
        ArrayNode catalogs = doc.putArray("catalogs");
        for (RequirementCatalog c : result.catalogs()) {
            ObjectNode item = catalogs.addObject();
            item.put("id", c.id());
            item.put("title", c.title());
            item.put("version", c.version());
            if (c.standard() != null) {
                item.put("standard", c.standard());
            }
            item.put("requirements", c.assessed().size());
            item.put("entries", c.requirements().size());
        }
        doc.set("catalog", CatalogStamp.json(result.fingerprint()));
        PrettyJson.print(doc, out);
    }
}
