package dev.tandem.conformity.assessment;

import java.util.List;

/**
 * One SBOM the profile references: whether Tandem found it and, when it could read it, the result of
 * the SBOM quality profiles (BSI TR-03183-2, NTIA), the same checks as the SBOM check use case.
 */
public record SbomReferenceResult(String reference, String format, boolean found, String finding,
        List<SbomCheck> checks) {

    public SbomReferenceResult {
        checks = checks == null ? List.of() : List.copyOf(checks);
    }

    /** One quality profile's verdict on the SBOM, with its violations. */
    public record SbomCheck(String profile, boolean passed, List<String> violations) {
        public SbomCheck {
            violations = List.copyOf(violations);
        }
    }
}
