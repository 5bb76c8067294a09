package dev.tandem.triage;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Where a vulnerability stands for a component: the CycloneDX 1.6 {@code impactAnalysisState}
 * values. OpenVEX and CSAF statuses map onto them: not_affected / known_not_affected → NOT_AFFECTED,
 * fixed → RESOLVED, affected / known_affected → EXPLOITABLE, under_investigation → IN_TRIAGE.
 */
public enum AnalysisState {
    RESOLVED, RESOLVED_WITH_PEDIGREE, EXPLOITABLE, IN_TRIAGE, FALSE_POSITIVE, NOT_AFFECTED;

    /** {@code not_affected}, as CycloneDX writes it. */
    @JsonValue
    public String label() {
        return Labels.of(this);
    }

    @JsonCreator
    public static AnalysisState of(String text) {
        return Labels.parse(AnalysisState.class, text, "analysis state");
    }

    /**
     * True when a finding in this state needs no action from its reader: the component is not affected,
     * the vulnerability is fixed in it, or the match was wrong. Exploitable and in-triage findings stay.
     */
    public boolean suppresses() {
        return this == NOT_AFFECTED || this == RESOLVED || this == RESOLVED_WITH_PEDIGREE || this == FALSE_POSITIVE;
    }
}
