package dev.tandem.usecase.conformity;

import dev.tandem.input.InputDocument;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A product profile, the SBOMs it references (keyed by the path as the profile writes it; a path left
 * out is reported as not found), and the day the assessment is made.
 */
public record AssessRequest(ProfileInput profile, Map<String, ReferencedSbom> sboms, LocalDate on, Instant generatedAt) {

    public AssessRequest {
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(on, "on");
        sboms = Map.copyOf(sboms);
    }

    /** A request whose generation instant is not said. */
    public AssessRequest(ProfileInput profile, Map<String, ReferencedSbom> sboms, LocalDate on) {
        this(profile, sboms, on, null);
    }

    /** A request from documents only: the profile and every referenced SBOM that was found. */
    public static AssessRequest of(InputDocument profile, Map<String, InputDocument> sboms, LocalDate on) {
        Map<String, ReferencedSbom> found = new LinkedHashMap<>();
        sboms.forEach((path, document) -> found.put(path, new ReferencedSbom.Found(document)));
        return new AssessRequest(ProfileInput.of(profile), found, on);
    }
}
