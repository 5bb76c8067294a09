package dev.tandem.conformity.profile;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The status of one requirement: given as evidence in a profile, or computed by the assessment. */
public enum Status {
    MET("met"), PARTIAL("partial"), NOT_MET("not met"), NOT_APPLICABLE("not applicable"), NOT_ASSESSED("not assessed");

    private final String label;

    Status(String label) {
        this.label = label;
    }

    @JsonValue
    public String label() {
        return label;
    }

    /** Accepts "not met", "not-met", "not_met", "NOT_MET" and so on. */
    public static Optional<Status> parse(String text) {
        String wanted = text.strip().toLowerCase(Locale.ROOT).replace('-', ' ').replace('_', ' ');
        return Arrays.stream(values()).filter(s -> s.label.equals(wanted) || ("n/a".equals(wanted) && s == NOT_APPLICABLE))
                .findFirst();
    }
}
