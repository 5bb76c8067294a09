package dev.tandem.usecase.sbom;

import dev.tandem.input.InputDocument;
import java.time.Instant;
import java.util.Objects;

/**
 * What to check: one SBOM document (any supported format), the id of a quality profile (any case),
 * and when the check is made.
 */
public record SbomCheckRequest(InputDocument sbom, String profile, Instant at) {

    /** The profile a front end offers first: BSI TR-03183-2. */
    public static final String DEFAULT_PROFILE = "tr-03183-2";

    public SbomCheckRequest {
        Objects.requireNonNull(sbom, "sbom");
        profile = profile == null ? DEFAULT_PROFILE : profile;
        Objects.requireNonNull(at, "at");
    }
}
