package dev.tandem.conformity.assessment;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.tandem.catalog.Confidence;
import dev.tandem.conformity.profile.Status;
import java.util.List;

/** The status of one requirement in one regime; {@code derivedFrom} is null when assessed directly. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RequirementResult(String id, String title, Status status,
        @JsonInclude(JsonInclude.Include.ALWAYS) Derivation derivedFrom, String justification,
        List<String> evidence, Confidence confidence) {
    public RequirementResult {
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
    }
}
