package dev.tandem.conformity.assessment;

import dev.tandem.conformity.crosswalk.Relationship;
import java.util.List;

/**
 * How a status was derived: from which catalog's evidence, which requirements, through which crosswalk
 * entry (and its written rationale), the relationship of the evidence side to the derived requirement,
 * and whether it carried a "met" (evidence side contains the requirement) or a "not met" (evidence side
 * is contained in it).
 */
public record Derivation(String catalog, List<String> requirements, String mapping, Relationship relationship,
        boolean carriesMet, boolean carriesNotMet, String rationale) {
    public Derivation {
        requirements = List.copyOf(requirements);
    }
}
