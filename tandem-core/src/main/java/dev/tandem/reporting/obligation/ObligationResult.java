package dev.tandem.reporting.obligation;

import dev.tandem.reporting.catalog.RoleStanding;
import dev.tandem.reporting.incident.IssueSeverity;
import dev.tandem.reporting.incident.RecordIssue;
import java.time.Instant;
import java.util.List;

/**
 * Everything {@code tandem obligations} reports for one record at one instant; {@code roles} are
 * the entity's roles, declared and implied, that the rules were tested against.
 */
public record ObligationResult(String source, Instant at, List<FrameworkAssessment> frameworks,
        List<Obligation> obligations, List<RecordIssue> issues, List<RoleStanding> roles) {

    public ObligationResult {
        roles = List.copyOf(roles);
        frameworks = List.copyOf(frameworks);
        obligations = List.copyOf(obligations);
        issues = List.copyOf(issues);
    }

    /** In-force obligations that are overdue: what makes {@code tandem obligations} exit with 1. */
    public List<Obligation> overdue() {
        return obligations.stream().filter(o -> o.inForce() && o.status() == Status.OVERDUE).toList();
    }

    public boolean hasErrors() {
        return issues.stream().anyMatch(i -> i.severity() == IssueSeverity.ERROR);
    }
}
