package dev.tandem.reporting.catalog;

import dev.tandem.catalog.Confidence;
import java.util.List;

/** A notice shown with report drafts (CRA Art 14(8) user notice, CRI statement on ransom payments). */
public record Notice(String id, String title, String text, List<String> frameworks, Condition when, List<String> fields,
        String source, Confidence confidence) {

    public Notice {
        frameworks = frameworks == null ? List.of() : List.copyOf(frameworks);
        fields = fields == null ? List.of() : List.copyOf(fields);
    }

    /** Whether the notice goes with reports of {@code framework}. */
    public boolean accompanies(String framework) {
        return frameworks.contains("*") || frameworks.contains(framework);
    }
}
