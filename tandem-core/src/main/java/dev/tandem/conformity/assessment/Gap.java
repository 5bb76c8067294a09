package dev.tandem.conformity.assessment;

import dev.tandem.conformity.profile.Status;

/** A requirement not (yet) met in a regime the product is sold in, and what evidence is missing. */
public record Gap(String regime, String requirement, String title, Status status, String missing) {
}
