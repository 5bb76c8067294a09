package dev.tandem.usecase.conformity;

import dev.tandem.input.InputDocument;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import dev.tandem.usecase.scan.AdvisoryInput;
import dev.tandem.usecase.scan.KevInput;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A product profile, the SBOMs it references (keyed by the path as the profile writes it; a path left
 * out is reported as not found), the day the assessment is made, and the advisory data (null when none)
 * and known-exploited catalogues the SBOMs are scanned against for the Secure by Design check.
 */
public record AssessRequest(ProfileInput profile, Map<String, ReferencedSbom> sboms, LocalDate on, Instant generatedAt,
        AdvisoryInput advisories, List<KevInput> kev) {

    /** A request without advisory data (the known-exploited check is then "not determined") whose generation instant is not said. */
    public AssessRequest(ProfileInput profile, Map<String, ReferencedSbom> sboms, LocalDate on) {
        this(profile, sboms, on, null, null, List.of());
    }

    /** A request without advisory data, generated at {@code generatedAt}. */
    public AssessRequest(ProfileInput profile, Map<String, ReferencedSbom> sboms, LocalDate on, Instant generatedAt) {
        this(profile, sboms, on, generatedAt, null, List.of());
    }

    /** A request with advisory data whose generation instant is not said. */
    public AssessRequest(ProfileInput profile, Map<String, ReferencedSbom> sboms, LocalDate on, AdvisoryInput advisories,
            List<KevInput> kev) {
        this(profile, sboms, on, null, advisories, kev);
    }

    public AssessRequest {
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(on, "on");
        sboms = Map.copyOf(sboms);
        kev = kev == null ? List.of() : List.copyOf(kev);
    }

    /** The same request with advisory data (a snapshot, or OSV records) and known-exploited catalogues to scan the SBOMs against. */
    public AssessRequest withAdvisories(AdvisoryInput otherAdvisories, List<KevInput> otherKev) {
        return new AssessRequest(profile, sboms, on, generatedAt, otherAdvisories, otherKev);
    }

    /** A request from documents only: the profile and every referenced SBOM that was found. */
    public static AssessRequest of(InputDocument profile, Map<String, InputDocument> sboms, LocalDate on) {
        Map<String, ReferencedSbom> found = new LinkedHashMap<>();
        sboms.forEach((path, document) -> found.put(path, new ReferencedSbom.Found(document)));
        return new AssessRequest(ProfileInput.of(profile), found, on);
    }
}
