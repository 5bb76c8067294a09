package dev.tandem.reporting.deadline;

import java.time.Instant;
import java.util.List;

/** The outer limit a counting rule allows, later than {@code due}, and the provisions that produced it. */
public record LegalLimit(Instant at, List<AppliedRule> rules) {

    public LegalLimit {
        rules = List.copyOf(rules);
    }
}
