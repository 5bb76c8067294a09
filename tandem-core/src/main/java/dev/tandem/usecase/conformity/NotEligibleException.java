package dev.tandem.usecase.conformity;

import dev.tandem.conformity.registry.Eligibility;

/**
 * The product's assessment shows a NIST IR 8425 outcome not met, so its US Cyber Trust Mark registry
 * entry or label is refused; a request for a draft gets one marked "not eligible" instead. Front ends
 * report it as a finding (the CLI's exit code 1), not as bad input.
 */
public final class NotEligibleException extends Exception {

    private final Eligibility eligibility;

    public NotEligibleException(String what, Eligibility eligibility) {
        super(what + " refused: not eligible for the US Cyber Trust Mark, NIST IR 8425 "
                + (eligibility.notMet().size() == 1 ? "outcome" : "outcomes") + " assessed as not met: "
                + String.join("; ", eligibility.notMet().stream()
                        .map(o -> o.outcome() + " (" + o.requirement() + " " + o.how() + ")").toList())
                + ". A draft marked not eligible can be asked for instead.");
        this.eligibility = eligibility;
    }

    /** Which outcomes are not met, and how. */
    public Eligibility eligibility() {
        return eligibility;
    }
}
