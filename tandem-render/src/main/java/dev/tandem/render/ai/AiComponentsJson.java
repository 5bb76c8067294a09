package dev.tandem.render.ai;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tandem.ai.AiComponent;
import dev.tandem.ai.AiFlag;
import java.util.List;

/**
 * The {@code aiComponents} array of the scan and assessment JSON (its shape is {@code $defs/aiComponent}
 * in both schemas): one object per model or dataset, every field always present.
 */
public final class AiComponentsJson {

    private AiComponentsJson() {
    }

    /** Fills {@code array} with one object per component, in inventory order. */
    public static void write(ArrayNode array, List<AiComponent> components) {
        for (AiComponent c : components) {
            ObjectNode node = array.addObject();
            node.put("sbom", c.sbom());
            node.put("kind", c.kind().type());
            node.put("bomRef", c.bomRef());
            node.put("name", c.name());
            node.put("version", c.version());
            node.put("purl", c.purl());
            node.put("supplier", c.supplier());
            ArrayNode hashes = node.putArray("hashes");
            c.hashAlgorithms().forEach(hashes::add);
            if (c.modelCard() == null) {
                node.putNull("modelCard");
            } else {
                ObjectNode card = node.putObject("modelCard");
                card.put("task", c.modelCard().task());
                card.put("architecture", c.modelCard().architecture());
                card.put("quantitativeAnalysis", c.modelCard().quantitativeAnalysis());
                card.put("considerations", c.modelCard().considerations());
            }
            ArrayNode datasets = node.putArray("datasets");
            c.datasets().forEach(datasets::add);
            node.put("provenance", c.provenance());
            ArrayNode flags = node.putArray("flags");
            c.flags().stream().map(AiFlag::label).forEach(flags::add);
            ArrayNode findings = node.putArray("findings");
            c.findings().forEach(findings::add);
        }
    }
}
