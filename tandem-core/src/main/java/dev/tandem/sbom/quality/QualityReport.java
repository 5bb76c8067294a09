package dev.tandem.sbom.quality;

import java.util.List;

/** The result of checking one SBOM against one profile. */
public record QualityReport(String sbom, String profile, String profileTitle, int components, boolean passed,
        List<FieldResult> fields, List<Violation> violations) {

    public QualityReport {
        fields = List.copyOf(fields);
        violations = List.copyOf(violations);
    }

    /** Coverage of one field: how many components (or 1 for the document) carry it. */
    public record FieldResult(String field, String level, String obligation, String title, int covered, int total,
            double coverage, boolean verifiable, String source) {
    }

    /** A required field that is missing, partly covered or cannot be verified. */
    public record Violation(String field, String level, String message, List<String> examples) {
        public Violation {
            examples = List.copyOf(examples);
        }
    }
}
