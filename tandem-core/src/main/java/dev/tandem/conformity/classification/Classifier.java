package dev.tandem.conformity.classification;

import dev.tandem.conformity.catalog.Requirement;
import dev.tandem.conformity.catalog.RequirementCatalog;
import dev.tandem.conformity.profile.CraClass;
import dev.tandem.conformity.profile.ProductProfile;
import dev.tandem.input.InputException;
import dev.tandem.input.InputPosition;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Derives a product's CRA class from the categories its profile names. Art. 7(1): products with the
 * core functionality of an Annex III category are important products of the class that category is
 * listed under; Art. 8(1) and Annex IV: critical products; every other product is in the default
 * class. The class a profile states is checked against that, never used instead of it.
 */
public final class Classifier {

    /** The provisions the derivation follows. */
    public static final String SOURCE = "Regulation (EU) 2024/2847, Art. 7(1), Art. 8(1), Annexes III and IV; "
            + "Implementing Regulation (EU) 2025/2392 (technical descriptions)";

    private Classifier() {
    }

    /** The class of the profile's product; an unknown or wrong category, or a contradicting class, is an input error. */
    public static Classification classify(ProductProfile profile, RequirementCatalog cra) throws InputException {
        List<String> named = profile.craCategories();
        CraClass stated = profile.craClass();
        if (named.isEmpty()) {
            if (stated == null || stated == CraClass.DEFAULT) {
                return new Classification(CraClass.DEFAULT, stated, List.of(), false,
                        "no Annex III or IV category named: treated as a default-class product",
                        List.of("craCategory is not given: the product is treated as in no Annex III or IV category "
                                + "(default class, Art. 7(1)); name its category, or 'none', so that the class is derived"),
                        SOURCE);
            }
            return new Classification(stated, stated, List.of(), false,
                    "stated as " + stated.label() + " without a category: not derived, not checked",
                    List.of("craClass '" + stated.label() + "' is stated but craCategory does not name the Annex III or IV "
                            + "category it follows from (Art. 7(1), 8(1)): the stated class is used for the routes, "
                            + "unchecked; name the category"),
                    SOURCE);
        }
        if (named.stream().anyMatch(c -> c.equalsIgnoreCase(ProductProfile.NO_CATEGORY))) {
            if (named.size() > 1) {
                throw error(profile, "/craCategory", "'" + ProductProfile.NO_CATEGORY
                        + "' cannot be combined with categories: either the product is in no Annex III or IV category or it is in these");
            }
            if (stated != null && stated != CraClass.DEFAULT) {
                throw error(profile, "/craClass", "craClass '" + stated.label() + "' contradicts craCategory '"
                        + ProductProfile.NO_CATEGORY + "': a product in no Annex III or IV category is in the default class "
                        + "(Art. 7(1)); correct or remove craClass");
            }
            return new Classification(CraClass.DEFAULT, stated, List.of(), true,
                    "in no Annex III or IV category (craCategory: none): default class", List.of(), SOURCE);
        }
        List<Category> categories = new ArrayList<>();
        for (int i = 0; i < named.size(); i++) {
            String pointer = named.size() == 1 ? "/craCategory" : "/craCategory/" + i;
            categories.add(category(profile, cra, named.get(i), pointer));
        }
        Category strictest = categories.stream().max(Comparator.comparing(Category::craClass)).orElseThrow();
        if (stated != null && stated != strictest.craClass()) {
            throw error(profile, "/craClass", "craClass '" + stated.label() + "' contradicts craCategory " + strictest.id()
                    + " (" + strictest.source() + ": " + strictest.title() + "), which makes the product "
                    + strictest.craClass().label() + " (" + (strictest.craClass() == CraClass.CRITICAL ? "Art. 8(1)" : "Art. 7(1)")
                    + "); correct or remove craClass");
        }
        List<String> findings = new ArrayList<>();
        if (categories.size() > 1) {
            findings.add("several Annex III or IV categories are named (" + String.join(", ",
                    categories.stream().map(Category::id).toList()) + "): the strictest class, "
                    + strictest.craClass().label() + ", applies");
        }
        return new Classification(strictest.craClass(), stated, categories, true,
                "derived from " + strictest.id() + " (" + strictest.source() + ")", findings, SOURCE);
    }

    private static Category category(ProductProfile profile, RequirementCatalog cra, String named, String pointer)
            throws InputException {
        Optional<Requirement> entry = cra.resolve(named);
        if (entry.isEmpty()) {
            throw error(profile, pointer, "unknown CRA product category '" + shorten(named) + "'; " + expected(cra));
        }
        Requirement r = entry.get();
        if (!Requirement.CATEGORY_KIND.equals(r.kind())) {
            throw error(profile, pointer, "'" + shorten(named) + "' is " + r.id() + " (" + r.group()
                    + "), not a product category; " + expected(cra));
        }
        CraClass craClass = CraClass.parse(r.craClass()).orElseThrow();
        return new Category(r.id(), r.title(), craClass, r.source(), r.confidence(), r.description(),
                r.descriptionSource(), r.descriptionConfidence(), r.note());
    }

    private static String expected(RequirementCatalog cra) {
        List<Requirement> categories = cra.ofKind(Requirement.CATEGORY_KIND);
        return "craCategory takes an Annex III or IV category (" + categories.getFirst().id() + " … "
                + categories.getLast().id() + ", see the catalog cra-annex-i) or '" + ProductProfile.NO_CATEGORY + "'";
    }

    private static InputException error(ProductProfile profile, String pointer, String problem) {
        return new InputException(profile.source(), InputPosition.pointer(pointer), problem);
    }

    private static String shorten(String text) {
        return text.length() > 80 ? text.substring(0, 80) + "..." : text;
    }
}
