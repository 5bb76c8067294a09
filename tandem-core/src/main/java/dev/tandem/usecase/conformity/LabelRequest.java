package dev.tandem.usecase.conformity;

import dev.tandem.input.InputDocument;
import java.util.Objects;

/** The product profile the label is drawn for. */
public record LabelRequest(ProfileInput profile) {

    public LabelRequest {
        Objects.requireNonNull(profile, "profile");
    }

    /** A request from the profile document. */
    public static LabelRequest of(InputDocument profile) {
        return new LabelRequest(ProfileInput.of(profile));
    }
}
