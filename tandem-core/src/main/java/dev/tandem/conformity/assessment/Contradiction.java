package dev.tandem.conformity.assessment;

import dev.tandem.conformity.crosswalk.Relationship;
import dev.tandem.conformity.profile.Status;
import java.util.List;

/**
 * Two pieces of direct evidence in one profile that cannot both be true: a requirement assessed as
 * {@code assessed}, while the evidence for {@code evidenceRequirements} of {@code evidenceCatalog},
 * through the crosswalk entry {@code mapping}, implies {@code implied} (for example a mapped "met" next
 * to a directly assessed "not met" of the provision it contains).
 */
public record Contradiction(String regime, String requirement, Status assessed, Status implied, String mapping,
        Relationship relationship, String evidenceCatalog, List<String> evidenceRequirements, String explanation) {
    public Contradiction {
        evidenceRequirements = List.copyOf(evidenceRequirements);
    }
}
