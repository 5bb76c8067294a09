package dev.tandem.usecase.reporting;

import dev.tandem.catalog.CatalogFingerprint;
import dev.tandem.reporting.catalog.RoleStanding;
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
 * @param roles    the entity's roles the rules were tested against: declared, and implied by the catalog's hierarchy
 * @param provenance when it was generated and evaluated, by which Tandem and catalog, from which record
 */
public record ObligationsResult(String incident, Instant at, Duration dueSoon, List<Obligation> obligations,
        List<FrameworkAssessment> frameworks, List<RecordIssue> issues, CatalogFingerprint catalog, List<String> warnings,
        List<RoleStanding> roles, Provenance provenance) {

    public ObligationsResult {
        roles = List.copyOf(roles);
        obligations = List.copyOf(obligations);
        frameworks = List.copyOf(frameworks);
        issues = List.copyOf(issues);
        warnings = List.copyOf(warnings);
        provenance = provenance == null ? Provenance.unknown(catalog) : provenance;
    }

    /** A result without provenance (hand-built). */
    public ObligationsResult(String incident, Instant at, Duration dueSoon, List<Obligation> obligations,
            List<FrameworkAssessment> frameworks, List<RecordIssue> issues, CatalogFingerprint catalog, List<String> warnings,
            List<RoleStanding> roles) {
        this(incident, at, dueSoon, obligations, frameworks, issues, catalog, warnings, roles, null);
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
