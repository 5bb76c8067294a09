package dev.tandem.usecase.conformity;

import dev.tandem.input.InputDocument;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What the attestation form is drafted from: the product profile, the SBOMs it references (keyed by the
 * path as the profile writes it), the day of the draft and the instant it was generated (null when the
 * caller does not say).
 */
public record AttestationRequest(ProfileInput profile, Map<String, ReferencedSbom> sboms, LocalDate on, Instant generatedAt) {

    public AttestationRequest {
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(on, "on");
        sboms = Map.copyOf(sboms);
    }

    /** A request whose generation instant is not said. */
    public AttestationRequest(ProfileInput profile, Map<String, ReferencedSbom> sboms, LocalDate on) {
        this(profile, sboms, on, null);
    }

    /** A request from documents only: the profile and every referenced SBOM that was found. */
    public static AttestationRequest of(InputDocument profile, Map<String, InputDocument> sboms, LocalDate on) {
        Map<String, ReferencedSbom> found = new LinkedHashMap<>();
        sboms.forEach((path, document) -> found.put(path, new ReferencedSbom.Found(document)));
        return new AttestationRequest(ProfileInput.of(profile), found, on);
    }
}
