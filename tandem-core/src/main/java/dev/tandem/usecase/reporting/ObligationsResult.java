package dev.tandem.usecase.reporting;

import dev.tandem.catalog.CatalogFingerprint;
import dev.tandem.reporting.incident.RecordIssue;
import dev.tandem.reporting.obligation.FrameworkAssessment;
import dev.tandem.reporting.obligation.Obligation;
import dev.tandem.reporting.obligation.Status;
import dev.tandem.usecase.Provenance;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Every report an incident record owes at one instant: each obligation (sorted by due instant,
 * undated ones last), every framework with the rules that made it apply or not, and the problems
 * found in the record. {@code warnings} are those problems as lines for a front end to show.
 *
 * @param incident the name of the record
 */
public record ObligationsResult(String incident, Instant at, Duration dueSoon, List<Obligation> obligations,
        List<FrameworkAssessment> frameworks, List<RecordIssue> issues, CatalogFingerprint catalog, List<String> warnings,
        Provenance provenance) {

    public ObligationsResult {
        obligations = List.copyOf(obligations);
        frameworks = List.copyOf(frameworks);
        issues = List.copyOf(issues);
        warnings = List.copyOf(warnings);
        provenance = provenance == null ? Provenance.unknown(catalog) : provenance;
    }

    /** A result without provenance (hand-built). */
    public ObligationsResult(String incident, Instant at, Duration dueSoon, List<Obligation> obligations,
            List<FrameworkAssessment> frameworks, List<RecordIssue> issues, CatalogFingerprint catalog, List<String> warnings) {
        this(incident, at, dueSoon, obligations, frameworks, issues, catalog, warnings, null);
    }

    /** In-force obligations past due and not submitted: a finding. */
    public List<Obligation> overdue() {
        return obligations.stream().filter(o -> o.inForce() && o.status() == Status.OVERDUE).toList();
    }

    /** How many obligations have {@code status}. */
    public long count(Status status) {
        return obligations.stream().filter(o -> o.status() == status).count();
    }
}
