package dev.tandem.triage;

import com.fasterxml.jackson.annotation.JsonValue;

/** Where a statement comes from: an ignore file, a VEX document, or a team's stored triage decision. */
public enum Origin {
    IGNORE("ignore"), VEX("vex"), TRIAGE("triage");

    private final String label;

    Origin(String label) {
        this.label = label;
    }

    @JsonValue
    public String label() {
        return label;
    }
}
