package dev.tandem.conformity;

import dev.tandem.conformity.catalog.CatalogLoader;
import dev.tandem.conformity.catalog.ConformityRoutes;
import dev.tandem.conformity.catalog.Requirement;
import dev.tandem.conformity.catalog.RequirementCatalog;
import dev.tandem.conformity.crosswalk.Crosswalk;
import java.util.List;
import java.util.Optional;

/** The requirement catalogs and crosswalks shipped in {@code catalog/conformity/}, loaded once. */
public record ConformityKnowledgeBase(List<RequirementCatalog> catalogs, List<Crosswalk> crosswalks,
        ConformityRoutes routes) {

    public ConformityKnowledgeBase {
        catalogs = List.copyOf(catalogs);
        crosswalks = List.copyOf(crosswalks);
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

    /** Finds a requirement by catalog and id. */
    public Optional<Requirement> requirement(String catalogId, String requirementId) {
        return catalog(catalogId).flatMap(c -> c.find(requirementId));
    }
}
