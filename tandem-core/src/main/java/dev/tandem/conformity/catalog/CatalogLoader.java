package dev.tandem.conformity.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.catalog.CatalogFiles;
import dev.tandem.catalog.CatalogSource;
import dev.tandem.conformity.ConformityKnowledgeBase;
import dev.tandem.conformity.crosswalk.Crosswalk;
import dev.tandem.conformity.crosswalk.CrosswalkFile;
import dev.tandem.input.InputException;
import java.util.ArrayList;
import java.util.List;

/** Reads {@code conformity/*.yaml} of a catalog, strictly: an unknown key is a catalog defect. */
public final class CatalogLoader {

    /** Where the conformity catalog sits inside a catalog root. */
    public static final String ROOT = "conformity/";

    private CatalogLoader() {
    }

    /** Loads every catalog and crosswalk named in the bundled {@code index.yaml}; a broken bundle fails loudly. */
    public static ConformityKnowledgeBase loadBundled() {
        try {
            return load(CatalogSource.bundled());
        } catch (InputException e) {
            throw new IllegalStateException("the bundled catalog is broken: " + e.getMessage(), e);
        }
    }

    /** Loads every catalog and crosswalk named in {@code conformity/index.yaml} of {@code source}. */
    public static ConformityKnowledgeBase load(CatalogSource source) throws InputException {
        JsonNode index = CatalogFiles.tree(source, ROOT + "index.yaml");
        List<RequirementCatalog> catalogs = new ArrayList<>();
        for (JsonNode id : index.path("catalogs")) {
            catalogs.add(CatalogFiles.read(source, file(source, id.asText()), RequirementCatalog.class));
        }
        List<Crosswalk> crosswalks = new ArrayList<>();
        for (JsonNode id : index.path("crosswalks")) {
            String path = file(source, id.asText());
            try {
                crosswalks.add(CatalogFiles.read(source, path, CrosswalkFile.class).resolve());
            } catch (IllegalStateException | IllegalArgumentException e) {
                throw CatalogFiles.defect(source, path, e.getMessage());
            }
        }
        ConformityRoutes routes = CatalogFiles.read(source, ROOT + "cra-conformity-routes.yaml", ConformityRoutes.class);
        return new ConformityKnowledgeBase(catalogs, crosswalks, routes);
    }

    private static String file(CatalogSource source, String id) throws InputException {
        if (!id.matches("[a-z0-9][a-z0-9-]*")) {
            throw CatalogFiles.defect(source, ROOT + "index.yaml", "id '" + id + "' is not lower-case letters, digits and hyphens");
        }
        return ROOT + id + ".yaml";
    }
}
