package dev.tandem.reporting.comparison;

import dev.tandem.reporting.catalog.Framework;
import java.util.List;

/** The comparison of a set of frameworks: field matrix, timing table, findings. */
public record Comparison(List<Framework> frameworks, List<FieldRow> fields, List<TimingRow> timing,
        List<Finding> findings) {

    public Comparison {
        frameworks = List.copyOf(frameworks);
        fields = List.copyOf(fields);
        timing = List.copyOf(timing);
        findings = List.copyOf(findings);
    }
}
