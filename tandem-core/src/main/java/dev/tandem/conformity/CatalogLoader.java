package dev.tandem.conformity;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.catalog.CatalogFiles;
import dev.tandem.catalog.CatalogSource;
import dev.tandem.conformity.catalog.ConformityRoutes;
import dev.tandem.conformity.catalog.Requirement;
import dev.tandem.conformity.catalog.RequirementCatalog;
import dev.tandem.conformity.crosswalk.Crosswalk;
import dev.tandem.conformity.crosswalk.CrosswalkCheck;
import dev.tandem.conformity.crosswalk.CrosswalkFile;
import dev.tandem.conformity.profile.CraClass;
import dev.tandem.input.InputException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads {@code conformity/*.yaml} of a catalog, strictly: an unknown key is a catalog defect. It sits
 * next to the knowledge base it builds so that dependencies run one way: this package, then
 * {@code crosswalk}, then {@code catalog}.
 */
public final class CatalogLoader {

    /** Where the conformity catalog sits inside a catalog root. */
    public static final String ROOT = "conformity/";
    /** The CRA catalog, which the declaration and the conformity routes are about. */
    private static final String CRA = "cra-annex-i";

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

    /**
     * Loads every catalog and crosswalk named in {@code conformity/index.yaml} of {@code source}, and
     * checks what the engines rely on: each crosswalk joins two loaded catalogs and passes
     * {@link CrosswalkCheck}, the routes cover every CRA class, and the CRA catalog is there.
     */
    public static ConformityKnowledgeBase load(CatalogSource source) throws InputException {
        String indexPath = ROOT + "index.yaml";
        JsonNode index = CatalogFiles.tree(source, indexPath);
        List<RequirementCatalog> catalogs = new ArrayList<>();
        for (JsonNode id : index.path("catalogs")) {
            catalogs.add(CatalogFiles.read(source, file(source, id.asText()), RequirementCatalog.class));
        }
        if (catalogs.stream().noneMatch(c -> c.id().equals(CRA))) {
            throw CatalogFiles.defect(source, indexPath, "the catalogs must include " + CRA
                    + " (the declaration and the CRA routes refer to it)");
        }
        checkCategories(source, catalogs);
        List<ConformityKnowledgeBase.Editions> editions = editions(source, indexPath, index, catalogs);
        List<Crosswalk> crosswalks = new ArrayList<>();
        for (JsonNode id : index.path("crosswalks")) {
            String path = file(source, id.asText());
            Crosswalk crosswalk;
            try {
                crosswalk = CatalogFiles.read(source, path, CrosswalkFile.class).resolve();
            } catch (IllegalStateException | IllegalArgumentException e) {
                throw CatalogFiles.defect(source, path, e.getMessage());
            }
            crosswalks.add(checked(source, path, crosswalk, catalogs));
        }
        String routesPath = ROOT + "cra-conformity-routes.yaml";
        ConformityRoutes routes = CatalogFiles.read(source, routesPath, ConformityRoutes.class);
        for (CraClass craClass : CraClass.values()) {
            if (routes.forClass(craClass).isEmpty()) {
                throw CatalogFiles.defect(source, routesPath, "no routes for CRA class '" + craClass.label() + "'");
            }
        }
        checkRouteOptions(source, routesPath, routes);
        return new ConformityKnowledgeBase(catalogs, crosswalks, routes, editions);
    }

    /** Every CRA product category names the class it gives; the class is derived from it, so it must be there. */
    private static void checkCategories(CatalogSource source, List<RequirementCatalog> catalogs) throws InputException {
        RequirementCatalog cra = find(catalogs, CRA);
        for (Requirement category : cra.ofKind(Requirement.CATEGORY_KIND)) {
            CraClass craClass = category.craClass() == null ? null : CraClass.parse(category.craClass()).orElse(null);
            if (craClass == null || craClass == CraClass.DEFAULT) {
                throw CatalogFiles.defect(source, file(source, CRA), "category " + category.id()
                        + " needs craClass: important-i, important-ii or critical (got " + category.craClass() + ")");
            }
        }
    }

    /** Route ids, conditions and assurance levels are ones the assessment knows. */
    private static void checkRouteOptions(CatalogSource source, String path, ConformityRoutes routes) throws InputException {
        for (ConformityRoutes.ClassRoutes c : routes.classes()) {
            if (c.options().isEmpty()) {
                throw CatalogFiles.defect(source, path, "class " + c.craClass() + " lists no route options");
            }
            for (ConformityRoutes.RouteOption o : c.options()) {
                String where = "class " + c.craClass() + ", route " + o.route() + ": ";
                if (!ConformityRoutes.ROUTE_IDS.contains(o.route())) {
                    throw CatalogFiles.defect(source, path, where + "unknown route (known: "
                            + String.join(", ", new java.util.TreeSet<>(ConformityRoutes.ROUTE_IDS)) + ")");
                }
                for (String condition : o.when()) {
                    if (!ConformityRoutes.CONDITIONS.contains(condition)) {
                        throw CatalogFiles.defect(source, path, where + "unknown condition '" + condition + "'");
                    }
                }
                if (o.minimumAssurance() != null && !ConformityRoutes.ASSURANCE_LEVELS.contains(o.minimumAssurance())) {
                    throw CatalogFiles.defect(source, path, where + "unknown assurance level '" + o.minimumAssurance() + "'");
                }
            }
        }
    }

    /** The edition groups of index.yaml: loaded catalogs of one declared standard, at least two each. */
    private static List<ConformityKnowledgeBase.Editions> editions(CatalogSource source, String indexPath, JsonNode index,
            List<RequirementCatalog> catalogs) throws InputException {
        List<ConformityKnowledgeBase.Editions> editions = new ArrayList<>();
        for (JsonNode group : index.path("editions")) {
            String standard = group.path("standard").asText("");
            List<String> ids = new ArrayList<>();
            for (JsonNode id : group.path("catalogs")) {
                RequirementCatalog catalog = find(catalogs, id.asText());
                if (catalog == null) {
                    throw CatalogFiles.defect(source, indexPath, "edition " + id.asText() + " of '" + standard
                            + "' is not a catalog listed in " + ROOT + "index.yaml");
                }
                if (!standard.equals(catalog.standard())) {
                    throw CatalogFiles.defect(source, indexPath, "catalog " + catalog.id() + " says it is an edition of '"
                            + catalog.standard() + "', not of '" + standard + "'");
                }
                ids.add(catalog.id());
            }
            if (standard.isBlank() || ids.size() < 2) {
                throw CatalogFiles.defect(source, indexPath, "an editions entry needs a standard and at least two catalogs");
            }
            editions.add(new ConformityKnowledgeBase.Editions(standard, ids));
        }
        return editions;
    }

    /** A crosswalk between two loaded catalogs that covers its source catalog; the first problems name the file. */
    private static Crosswalk checked(CatalogSource source, String path, Crosswalk crosswalk, List<RequirementCatalog> catalogs)
            throws InputException {
        RequirementCatalog from = find(catalogs, crosswalk.from());
        RequirementCatalog to = find(catalogs, crosswalk.to());
        if (from == null || to == null) {
            throw CatalogFiles.defect(source, path, "crosswalk " + crosswalk.id() + " joins " + crosswalk.from() + " and "
                    + crosswalk.to() + ", but " + (from == null ? crosswalk.from() : crosswalk.to())
                    + " is not a catalog listed in " + ROOT + "index.yaml");
        }
        List<String> problems = CrosswalkCheck.problems(crosswalk, from, to);
        if (!problems.isEmpty()) {
            String shown = String.join("; ", problems.subList(0, Math.min(3, problems.size())));
            throw CatalogFiles.defect(source, path, shown + (problems.size() > 3 ? "; and " + (problems.size() - 3) + " more" : ""));
        }
        return crosswalk;
    }

    private static RequirementCatalog find(List<RequirementCatalog> catalogs, String id) {
        return catalogs.stream().filter(c -> c.id().equals(id)).findFirst().orElse(null);
    }

    private static String file(CatalogSource source, String id) throws InputException {
        if (!id.matches("[a-z0-9][a-z0-9-]*")) {
            throw CatalogFiles.defect(source, ROOT + "index.yaml", "id '" + id + "' is not lower-case letters, digits and hyphens");
        }
        return ROOT + id + ".yaml";
    }
}
