package dev.tandem.conformity.assessment;

import dev.tandem.catalog.Confidence;
import java.util.List;

/**
 * Whether a legal presumption (CRA Article 12) applied to this product: the rule, its source and
 * confidence, the outcome and why, the requirements presumed met (empty when it did not apply), the
 * conditions the law adds that Tandem cannot check, and what the presumption never covers.
 */
public record PresumptionResult(String id, String title, String source, Confidence confidence, boolean applies,
        String finding, List<String> presumed, List<String> conditions, String notCovered) {
    public PresumptionResult {
        presumed = List.copyOf(presumed);
        conditions = List.copyOf(conditions);
    }
}
