package dev.tandem.triage;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Why a component is not affected: the CycloneDX 1.6 {@code impactAnalysisJustification} values (the
 * CISA VEX minimum requirements name the same reasons in other words; VEX readers map them).
 */
public enum Justification {
    CODE_NOT_PRESENT, CODE_NOT_REACHABLE, REQUIRES_CONFIGURATION, REQUIRES_DEPENDENCY, REQUIRES_ENVIRONMENT,
    PROTECTED_BY_COMPILER, PROTECTED_AT_RUNTIME, PROTECTED_AT_PERIMETER, PROTECTED_BY_MITIGATING_CONTROL;

    @JsonValue
    public String label() {
        return Labels.of(this);
    }

    @JsonCreator
    public static Justification of(String text) {
        return Labels.parse(Justification.class, text, "justification");
    }
}
