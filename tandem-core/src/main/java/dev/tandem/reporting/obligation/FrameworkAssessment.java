package dev.tandem.reporting.obligation;

import dev.tandem.reporting.catalog.Framework;
import java.util.List;

/**
 * Whether a framework applies to the record and why (every rule with its result), whether it is in
 * force on the clock-start date, and the stages that do not apply (a ransom stage without payment).
 */
public record FrameworkAssessment(Framework framework, boolean applies, boolean inForce, List<RuleCheck> rules,
        List<String> stagesNotApplicable, String timeZone, String timeZoneReason) {

    public FrameworkAssessment {
        rules = List.copyOf(rules);
        stagesNotApplicable = List.copyOf(stagesNotApplicable);
    }
}
