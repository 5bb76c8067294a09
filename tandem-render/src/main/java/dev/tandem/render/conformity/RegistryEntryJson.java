package dev.tandem.render.conformity;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tandem.render.TextRenderer;
import dev.tandem.usecase.conformity.RegistryEntryResult;
import java.io.PrintWriter;

/**
 * The CTA-2120 1.0.0 registry entry. The schema leaves its top level open (no
 * {@code additionalProperties: false}), so the catalog's fingerprint travels as one more field,
 * {@code catalog}, and the entry still validates as published (docs/conformity.md).
 */
public final class RegistryEntryJson implements TextRenderer<RegistryEntryResult> {

    @Override
    public String mediaType() {
        return "application/json";
    }

    @Override
    public void render(RegistryEntryResult result, PrintWriter out) {
        ObjectNode entry = result.entry();
        entry.set("catalog", CatalogStamp.json(result.fingerprint()));
        PrettyJson.print(entry, out);
    }
}
