package dev.tandem.conformity;

import dev.tandem.conformity.catalog.ConformityRoutes;
import dev.tandem.conformity.catalog.Requirement;
import dev.tandem.conformity.catalog.RequirementCatalog;
import dev.tandem.conformity.crosswalk.Crosswalk;
import dev.tandem.conformity.profile.Evidence;
import dev.tandem.conformity.profile.ProductProfile;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The requirement catalogs and crosswalks shipped in {@code catalog/conformity/}, loaded once, and the
 * groups of catalogs that are editions of one standard (a profile is assessed against one of each group).
 */
public record ConformityKnowledgeBase(List<RequirementCatalog> catalogs, List<Crosswalk> crosswalks,
        ConformityRoutes routes, List<Editions> editions) {

    public ConformityKnowledgeBase {
        catalogs = List.copyOf(catalogs);
        crosswalks = List.copyOf(crosswalks);
        editions = editions == null ? List.of() : List.copyOf(editions);
    }

    /** Catalogs that are editions of one standard; the first is the default. */
    public record Editions(String standard, List<String> catalogs) {
        public Editions {
            catalogs = List.copyOf(catalogs);
        }

        /** The catalog assessed when a profile names no edition and gives evidence for no other. */
        public String defaultCatalog() {
            return catalogs.getFirst();
        }
    }

    /** The edition group a catalog belongs to, if any. */
    public Optional<Editions> editionsOf(String catalogId) {
        return editions.stream().filter(e -> e.catalogs().contains(catalogId)).findFirst();
    }

    private static final class Holder {
        private static final ConformityKnowledgeBase BUNDLED = CatalogLoader.loadBundled();
    }

    /** The knowledge base bundled in the jar; a broken bundle is a build defect, so it fails loudly. */
    public static ConformityKnowledgeBase bundled() {
        return Holder.BUNDLED;
    }

    public Optional<RequirementCatalog> catalog(String id) {
        return catalogs.stream().filter(c -> c.id().equals(id)).findFirst();
    }

    /** The crosswalk stored in the direction {@code from -> to}, if any. */
    public Optional<Crosswalk> storedCrosswalk(String from, String to) {
        return crosswalks.stream().filter(c -> c.from().equals(from) && c.to().equals(to)).findFirst();
    }

    /** The crosswalk between two catalogs in the asked direction, reversed from the stored one when needed. */
    public Optional<Crosswalk> crosswalk(String from, String to) {
        Optional<Crosswalk> stored = storedCrosswalk(from, to);
        if (stored.isPresent()) {
            return stored;
        }
        return storedCrosswalk(to, from).map(c -> c.reversed(catalog(from).orElseThrow()));
    }

    /**
     * The profile with every evidence key rewritten to its catalog's id where the profile used another
     * spelling of the same number ({@code I.2(a)} for {@code CRA-I-2a}); see {@link RequirementCatalog#resolve}.
     * Two spellings of one requirement keep the first and add a warning.
     */
    public ProductProfile withCatalogIds(ProductProfile profile) {
        Map<String, Map<String, Evidence>> evidence = new LinkedHashMap<>();
        List<String> warnings = new ArrayList<>(profile.warnings());
        profile.evidence().forEach((catalogId, items) -> {
            Optional<RequirementCatalog> catalog = catalog(catalogId);
            Map<String, Evidence> rewritten = new LinkedHashMap<>();
            items.forEach((id, e) -> {
                String canonical = catalog.flatMap(c -> c.resolve(id)).map(Requirement::id).orElse(id);
                if (rewritten.putIfAbsent(canonical, e) != null) {
                    warnings.add(profile.source() + ": at /evidence/" + catalogId + "/" + id + ": " + canonical
                            + " already has evidence under another spelling; this one is ignored");
                }
            });
            evidence.put(catalogId, rewritten);
        });
        return profile.with(evidence, warnings);
    }

    /** Finds a requirement by catalog and id. */
    public Optional<Requirement> requirement(String catalogId, String requirementId) {
        return catalog(catalogId).flatMap(c -> c.find(requirementId));
    }
}
