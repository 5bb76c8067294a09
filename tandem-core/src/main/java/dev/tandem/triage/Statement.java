package dev.tandem.triage;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * One thing someone said about findings: an ignore-file entry, a VEX statement or a stored triage
 * decision, in one vocabulary.
 *
 * @param source        where it was read (a file, a VEX document and its statement, a user), for outputs
 * @param vulnerability the vulnerability id it speaks of; a finding matches on its id or any alias
 * @param state         the analysis state; null for an ignore entry, which suppresses without judging
 * @param expires       the last day an ignore entry suppresses (null: no expiry)
 * @param reason        free text: an ignore entry's reason, or a VEX impact statement
 */
public record Statement(Origin origin, String source, String vulnerability, ComponentSelector component,
        AnalysisState state, Justification justification, String detail, List<Response> responses, String author,
        Instant at, LocalDate expires, String reason) {

    public Statement {
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(vulnerability, "vulnerability");
        Objects.requireNonNull(component, "component");
        if (origin != Origin.IGNORE) {
            Objects.requireNonNull(state, "state");
        }
        responses = responses == null ? List.of() : List.copyOf(responses);
        detail = detail == null ? "" : detail;
        author = author == null ? "" : author;
        reason = reason == null ? "" : reason;
    }

    /** An ignore-file entry: suppresses until {@code expires} (inclusive), for the given reason. */
    public static Statement ignore(String source, String vulnerability, ComponentSelector component, String reason,
            LocalDate expires) {
        return new Statement(Origin.IGNORE, source, vulnerability, component, null, null, "", List.of(), "", null,
                expires, reason);
    }

    /** True when it takes the finding out of what needs action (not affected, fixed, false positive, ignored). */
    public boolean suppresses() {
        return origin == Origin.IGNORE || state.suppresses();
    }

    /** True when it stopped applying before {@code day}: an ignore entry past its expiry date. */
    public boolean expiredOn(LocalDate day) {
        return expires != null && day.isAfter(expires);
    }
}
