package dev.tandem.render.ai;

import dev.tandem.ai.AiComponent;
import dev.tandem.ai.AiFlag;
import dev.tandem.ai.AiKind;
import java.util.ArrayList;
import java.util.List;

/** Plain-text lines and table cells for an AI inventory, shared by the terminal, Markdown and HTML outputs. */
public final class AiComponentsText {

    private AiComponentsText() {
    }

    /** "model" or "dataset". */
    public static String kind(AiComponent c) {
        return c.kind() == AiKind.MODEL ? "model" : "dataset";
    }

    /** The flags, comma-separated, or "none". */
    public static String flags(AiComponent c) {
        return c.flags().isEmpty() ? "none" : String.join(", ", c.flags().stream().map(AiFlag::label).toList());
    }

    /** What the inventory knows of the component: hashes, model card, datasets, provenance. */
    public static String facts(AiComponent c) {
        List<String> facts = new ArrayList<>();
        if (!c.hashAlgorithms().isEmpty()) {
            facts.add("hashes " + String.join(", ", c.hashAlgorithms()));
        }
        if (c.modelCard() != null) {
            List<String> card = new ArrayList<>();
            if (!c.modelCard().task().isEmpty()) {
                card.add("task " + c.modelCard().task());
            }
            if (c.modelCard().quantitativeAnalysis()) {
                card.add("metrics");
            }
            if (c.modelCard().considerations()) {
                card.add("considerations");
            }
            facts.add("model card" + (card.isEmpty() ? "" : " (" + String.join(", ", card) + ")"));
        }
        if (!c.datasets().isEmpty()) {
            facts.add("datasets " + String.join(", ", c.datasets()));
        }
        if (!c.provenance().isEmpty()) {
            facts.add(c.provenance());
        }
        return String.join("; ", facts);
    }

    /** Terminal lines: one header line per component, then its findings indented. */
    public static List<String> lines(List<AiComponent> components) {
        List<String> lines = new ArrayList<>();
        for (AiComponent c : components) {
            lines.add((c.clean() ? "   " : " ! ") + c.label() + "  [" + kind(c) + ", " + c.sbom() + "]");
            String facts = facts(c);
            if (!facts.isEmpty()) {
                lines.add("       " + facts);
            }
            c.findings().forEach(f -> lines.add("       " + f));
        }
        return lines;
    }
}
