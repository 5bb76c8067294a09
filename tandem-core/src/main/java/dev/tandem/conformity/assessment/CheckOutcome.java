package dev.tandem.conformity.assessment;

import com.fasterxml.jackson.annotation.JsonValue;
import dev.tandem.conformity.profile.Status;

/** What a check Tandem makes itself concluded; "not determined" when it had nothing to look at. */
public enum CheckOutcome {
    MET("met"),
    PARTIAL("partial"),
    NOT_MET("not met"),
    NOT_DETERMINED("not determined");

    private final String label;

    CheckOutcome(String label) {
        this.label = label;
    }

    @JsonValue
    public String label() {
        return label;
    }

    /** The requirement status the outcome gives; null for "not determined", which gives none. */
    public Status status() {
        return switch (this) {
            case MET -> Status.MET;
            case PARTIAL -> Status.PARTIAL;
            case NOT_MET -> Status.NOT_MET;
            case NOT_DETERMINED -> null;
        };
    }
}
