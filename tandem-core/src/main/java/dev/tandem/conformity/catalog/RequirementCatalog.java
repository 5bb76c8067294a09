package dev.tandem.conformity.catalog;

import java.util.List;
import java.util.Optional;

/** A requirement catalog with its source; entries keep the order of the YAML file. */
public record RequirementCatalog(String id, String title, String version, String publisher, String url, String source,
        List<Requirement> requirements) {

    public RequirementCatalog {
        requirements = List.copyOf(requirements);
    }

    public Optional<Requirement> find(String requirementId) {
        return requirements.stream().filter(r -> r.id().equals(requirementId)).findFirst();
    }

    /** The entries that are assessed (kind {@code requirement}). */
    public List<Requirement> assessed() {
        return requirements.stream().filter(Requirement::assessed).toList();
    }

    public List<Requirement> ofKind(String kind) {
        return requirements.stream().filter(r -> kind.equals(r.kind())).toList();
    }
}
