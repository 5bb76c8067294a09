package dev.tandem.usecase.conformity;

import dev.tandem.input.InputDocument;
import java.util.Objects;

/**
 * The product profile the label is drawn for. {@code draft}: when the product is not eligible (a NIST
 * IR 8425 outcome assessed as not met), draw the label with a "not eligible" banner instead of refusing.
 */
public record LabelRequest(ProfileInput profile, boolean draft) {

    public LabelRequest {
        Objects.requireNonNull(profile, "profile");
    }

    /** A request for the label itself, refused when the product is not eligible. */
    public LabelRequest(ProfileInput profile) {
        this(profile, false);
    }

    /** A request from the profile document. */
    public static LabelRequest of(InputDocument profile) {
        return new LabelRequest(ProfileInput.of(profile), false);
    }
}
