package dev.tandem.pqc.catalog;

import dev.tandem.pqc.Classification;
import java.util.List;

/** One algorithm family of {@code algorithms.yaml}: how to recognise it and what it means. */
public record AlgorithmFamily(String id, String label, List<String> patterns, String use, String parameter,
        Classification classification, Integer nistCategory, Boolean cnsa, Boolean hybrid, String tier,
        Boolean broken, String reason, String replacement, String source, List<ParameterRule> parameters,
        ParameterRule unknownParameter) {

    public AlgorithmFamily {
        patterns = patterns == null ? List.of() : List.copyOf(patterns);
        parameters = parameters == null ? List.of() : List.copyOf(parameters);
        parameter = parameter == null ? "none" : parameter;
    }
}
