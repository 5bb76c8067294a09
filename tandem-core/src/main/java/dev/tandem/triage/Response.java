package dev.tandem.triage;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** What the manufacturer does about it: the CycloneDX 1.6 analysis {@code response} values. */
public enum Response {
    CAN_NOT_FIX, WILL_NOT_FIX, UPDATE, ROLLBACK, WORKAROUND_AVAILABLE;

    @JsonValue
    public String label() {
        return Labels.of(this);
    }

    @JsonCreator
    public static Response of(String text) {
        return Labels.parse(Response.class, text, "response");
    }
}
