package dev.tandem.usecase.conformity;

import dev.tandem.input.InputDocument;
import java.util.Objects;

/** The product profile whose {@code us} section becomes the registry entry. */
public record RegistryEntryRequest(ProfileInput profile) {

    public RegistryEntryRequest {
        Objects.requireNonNull(profile, "profile");
    }

    /** A request from the profile document. */
    public static RegistryEntryRequest of(InputDocument profile) {
        return new RegistryEntryRequest(ProfileInput.of(profile));
    }
}
