package dev.tandem.conformity.assessment;

import dev.tandem.conformity.crosswalk.Relationship;
import java.util.List;

/**
 * How a status was derived: from which catalog's evidence, which requirements, through which crosswalk
 * entry, and the relationship of the evidence side to the derived requirement.
 */
public record Derivation(String catalog, List<String> requirements, String mapping, Relationship relationship,
        boolean carriesMet) {
    public Derivation {
        requirements = List.copyOf(requirements);
    }
}
