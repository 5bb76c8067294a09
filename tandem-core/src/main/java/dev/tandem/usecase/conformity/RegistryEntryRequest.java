package dev.tandem.usecase.conformity;

import dev.tandem.input.InputDocument;
import java.util.Objects;

/**
 * The product profile whose {@code us} section becomes the registry entry. {@code draft}: when the
 * product is not eligible (a NIST IR 8425 outcome assessed as not met), write the entry marked "not
 * eligible" instead of refusing it.
 */
public record RegistryEntryRequest(ProfileInput profile, boolean draft) {

    public RegistryEntryRequest {
        Objects.requireNonNull(profile, "profile");
    }

    /** A request for the entry itself, refused when the product is not eligible. */
    public RegistryEntryRequest(ProfileInput profile) {
        this(profile, false);
    }

    /** A request from the profile document. */
    public static RegistryEntryRequest of(InputDocument profile) {
        return new RegistryEntryRequest(ProfileInput.of(profile), false);
    }
}
