package dev.tandem.conformity.assessment;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One regime (a catalog, in the edition assessed) and the product's standing in it. {@code coverage} is
 * the share of applicable requirements that are met (directly or derived), between 0 and 1.
 */
public record RegimeResult(String id, String title, String market, double coverage, Map<String, Integer> counts,
        List<RequirementResult> requirements, String version) {
    public RegimeResult {
        counts = Collections.unmodifiableMap(new LinkedHashMap<>(counts));
        requirements = List.copyOf(requirements);
    }
}
