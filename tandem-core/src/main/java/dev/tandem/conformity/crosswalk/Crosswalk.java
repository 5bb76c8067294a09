package dev.tandem.conformity.crosswalk;

import dev.tandem.catalog.Confidence;
import dev.tandem.conformity.catalog.Requirement;
import dev.tandem.conformity.catalog.RequirementCatalog;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A crosswalk from one catalog to another; {@code reversed} views are computed, never stored. */
public record Crosswalk(String id, String from, String to, String title, String matchingRationale, String status,
        List<Mapping> mappings, boolean reversed) {

    public Crosswalk {
        mappings = List.copyOf(mappings);
    }

    /** Entries whose source is the given requirement. */
    public List<Mapping> forSource(String requirementId) {
        return mappings.stream().filter(m -> m.source().equals(requirementId)).toList();
    }

    /** Entries that name the given requirement among their targets. */
    public List<Mapping> forTarget(String requirementId) {
        return mappings.stream().filter(m -> m.targets().contains(requirementId)).toList();
    }

    /**
     * The same knowledge seen from the target side: one entry per target requirement of {@code toCatalog}
     * that is assessed. A target t of an entry "s R (t1 ∪ … ∪ tn)" relates to s as follows: with one
     * target, the inverse of R; with several, t ⊆ ∪T, so t ⊂ s when s ⊇ ∪T and t ∩ s otherwise. An
     * assessed target requirement that no entry names gets a "no relationship" entry.
     */
    public Crosswalk reversed(RequirementCatalog toCatalog) {
        Map<String, List<Mapping>> byTarget = new LinkedHashMap<>();
        for (Requirement requirement : toCatalog.assessed()) {
            byTarget.put(requirement.id(), new ArrayList<>());
        }
        for (Mapping m : mappings) {
            for (String target : m.targets()) {
                boolean single = m.targets().size() == 1;
                Relationship seenFromTarget = single ? m.relationship().inverse()
                        : (m.relationship().carriesMet() ? Relationship.SUBSET : Relationship.INTERSECTS);
                // With one target the reasoning swaps sides; with several, what this one target alone asks is not written down.
                byTarget.computeIfAbsent(target, k -> new ArrayList<>()).add(new Mapping(target, List.of(m.source()),
                        seenFromTarget, m.rationale(), null, m.gap(), m.confidence(), m.sources(), m.entryId(id),
                        single ? m.common() : null, single ? m.onlyInTargets() : null, single ? m.onlyInSource() : null));
            }
        }
        List<Mapping> reversedMappings = new ArrayList<>();
        byTarget.forEach((target, list) -> {
            if (list.isEmpty()) {
                reversedMappings.add(new Mapping(target, List.of(), Relationship.NO_RELATIONSHIP, null,
                        "no entry of " + id + " maps to this requirement", null, Confidence.DERIVED,
                        List.of("Tandem crosswalk " + id + ", catalog/conformity/" + id + ".yaml"), id));
            }
            reversedMappings.addAll(list);
        });
        return new Crosswalk(to + "--" + from, to, from, "Reversed view of " + title, matchingRationale, status,
                reversedMappings, true);
    }
}
