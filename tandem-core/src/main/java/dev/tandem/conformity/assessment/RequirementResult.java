package dev.tandem.conformity.assessment;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.tandem.catalog.Confidence;
import dev.tandem.conformity.profile.Status;
import java.util.List;

/**
 * The status of one requirement in one regime; {@code derivedFrom} is null when assessed directly.
 * {@code checkedBy} names the Secure by Design check of Tandem's own that gave the status (the profile gave
 * no evidence, or evidence the check contradicts), {@code presumedBy} the legal presumption (CRA Article 12)
 * under which it is presumed met; both are null otherwise.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RequirementResult(String id, String title, Status status,
        @JsonInclude(JsonInclude.Include.ALWAYS) Derivation derivedFrom, String justification,
        List<String> evidence, Confidence confidence, String checkedBy, String presumedBy) {
    public RequirementResult {
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
    }

    /** A result assessed from evidence or a crosswalk. */
    public RequirementResult(String id, String title, Status status, Derivation derivedFrom, String justification,
            List<String> evidence, Confidence confidence) {
        this(id, title, status, derivedFrom, justification, evidence, confidence, null, null);
    }
}
