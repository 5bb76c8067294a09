package dev.tandem.conformity.assessment;

import dev.tandem.conformity.catalog.ConformityRoutes;
import dev.tandem.conformity.catalog.ConformityRoutes.ClassRoutes;
import dev.tandem.conformity.catalog.ConformityRoutes.RouteOption;
import dev.tandem.conformity.classification.Classification;
import dev.tandem.conformity.profile.ProductProfile;
import dev.tandem.conformity.profile.ProductProfile.EuFiling;
import dev.tandem.conformity.profile.ProductProfile.Specification;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Checks the route a profile names against the routes Art. 32 gives the product's derived class (data in
 * {@code cra-conformity-routes.yaml}): whether the class has that route at all, and whether the
 * condition that opens it holds (standards applied in full for Module A in Class I, Art. 32(2); public
 * technical documentation of free and open-source software, Art. 32(5); the assurance level of a
 * certification scheme; no certification required by a delegated act for a critical product).
 */
final class RouteChecker {

    private static final String NAMES = "Module A, Module B + Module C, Module H or a European cybersecurity certification scheme";

    private RouteChecker() {
    }

    static RouteResult check(ConformityRoutes routes, Classification classification, ProductProfile profile) {
        ClassRoutes cls = routes.forClass(classification.craClass()).orElseThrow();
        EuFiling eu = profile.eu();
        String chosen = eu == null ? null : eu.conformityModule();
        Verdict verdict = verdict(cls, chosen, eu);
        return new RouteResult(cls.craClass(), cls.title(), cls.routes(), chosen, verdict.allowed(), verdict.finding(),
                cls.note(), cls.source(), cls.confidence(), classification.basis());
    }

    private record Verdict(Boolean allowed, String finding) {
    }

    private static Verdict verdict(ClassRoutes cls, String chosen, EuFiling eu) {
        if (chosen == null) {
            return new Verdict(null, "no conformity-assessment route named in the profile (eu.conformityModule)");
        }
        String text = chosen.toLowerCase(Locale.ROOT);
        boolean moduleB = text.matches(".*\\bmodule b\\b.*");
        boolean moduleC = text.matches(".*\\bmodule c\\b.*");
        String route = text.matches(".*\\bmodule a\\b.*") ? "module-a"
                : moduleB ? "module-b-c"
                : text.matches(".*\\bmodule h\\b.*") ? "module-h"
                : text.contains("certif") || text.contains("eucc") ? "certification" : null;
        if (route == null) {
            return new Verdict(null, "'" + chosen + "' is not recognised as " + NAMES);
        }
        if (moduleB && !moduleC) {
            return new Verdict(false, "Module B is only a route together with Module C (Annex VIII Parts II and III)");
        }
        Optional<RouteOption> option = cls.option(route);
        if (option.isEmpty()) {
            return new Verdict(false, label(route) + " is not a route Art. 32 gives a " + cls.craClass()
                    + " product; allowed: " + String.join("; ", cls.routes()));
        }
        RouteOption o = option.get();
        if (o.when().isEmpty()) {
            return certification(o, eu).orElse(new Verdict(true, "allowed for this class (" + o.source() + ")"));
        }
        List<String> missing = new ArrayList<>();
        boolean undetermined = false;
        for (String condition : o.when()) {
            switch (holds(condition, eu)) {
                case YES -> {
                    return certification(o, eu).orElse(new Verdict(true, "allowed for this class because "
                            + describe(condition, eu) + " (" + o.source() + ")"));
                }
                case UNKNOWN -> {
                    undetermined = true;
                    missing.add(describe(condition, eu));
                }
                case NO -> missing.add(describe(condition, eu));
            }
        }
        if (undetermined) {
            return new Verdict(null, label(route) + " is allowed for this class only " + String.join(", or ", missing)
                    + "; not determined (" + o.source() + ")");
        }
        return new Verdict(false, label(route) + " is not allowed for this class: " + String.join("; nor ", missing)
                + " (" + o.source() + ")");
    }

    private enum Holds { YES, NO, UNKNOWN }

    private static Holds holds(String condition, EuFiling eu) {
        return switch (condition) {
            case "standards-applied-in-full" -> appliedInFull(eu).isPresent() ? Holds.YES : Holds.NO;
            case "foss-public-documentation" -> eu != null && Boolean.TRUE.equals(eu.freeAndOpenSource())
                    && eu.publicTechnicalDocumentation() != null ? Holds.YES : Holds.NO;
            // Tandem cannot know whether a delegated act under Art. 8(1) covers the category.
            case "no-certification-required" -> Holds.UNKNOWN;
            default -> throw new IllegalStateException("unknown route condition " + condition);
        };
    }

    /** Why a condition holds or what is missing, in one phrase. */
    private static String describe(String condition, EuFiling eu) {
        return switch (condition) {
            case "standards-applied-in-full" -> appliedInFull(eu)
                    .map(s -> "'" + s.reference() + "' (" + s.type() + ") is applied in full"
                            + (s.type().equals("harmonised-standard") && s.ojReference() == null
                                    ? ", per the profile; its reference in the Official Journal is not given" : ""))
                    .orElse("where harmonised standards, common specifications or a European cybersecurity certification "
                            + "scheme at assurance level at least 'substantial' are applied in full (eu.standards with "
                            + "type and appliedInFull: true; none in the profile)");
            case "foss-public-documentation" -> eu != null && Boolean.TRUE.equals(eu.freeAndOpenSource())
                    && eu.publicTechnicalDocumentation() != null
                    ? "the product is free and open-source software with public technical documentation"
                    : "for free and open-source software whose technical documentation is public (eu.freeAndOpenSource "
                            + "and eu.publicTechnicalDocumentation)";
            case "no-certification-required" -> "where no delegated act under Art. 8(1) requires a European cybersecurity "
                    + "certificate for the category, which Tandem cannot determine";
            default -> condition;
        };
    }

    /** The first specification that opens Module A for Class I (Art. 32(2)): applied in full, of a qualifying kind. */
    private static Optional<Specification> appliedInFull(EuFiling eu) {
        if (eu == null) {
            return Optional.empty();
        }
        return eu.standards().stream().filter(s -> Boolean.TRUE.equals(s.appliedInFull()) && s.type() != null)
                .filter(s -> s.type().equals("harmonised-standard") || s.type().equals("common-specification")
                        || (s.type().equals("certification-scheme") && atLeast(s.assuranceLevel(), "substantial")))
                .findFirst();
    }

    /** A certification route's assurance-level check; empty when there is nothing to check. */
    private static Optional<Verdict> certification(RouteOption o, EuFiling eu) {
        if (!o.route().equals("certification") || o.minimumAssurance() == null) {
            return Optional.empty();
        }
        List<Specification> schemes = eu == null ? List.of() : eu.standards().stream()
                .filter(s -> "certification-scheme".equals(s.type())).toList();
        if (schemes.stream().anyMatch(s -> atLeast(s.assuranceLevel(), o.minimumAssurance()))) {
            return Optional.of(new Verdict(true, "allowed for this class with a scheme at assurance level at least '"
                    + o.minimumAssurance() + "' (" + o.source() + ")"));
        }
        if (schemes.stream().anyMatch(s -> s.assuranceLevel() != null)) {
            return Optional.of(new Verdict(false, "the certification scheme's assurance level is below the '"
                    + o.minimumAssurance() + "' this class needs (" + o.source() + ")"));
        }
        return Optional.of(new Verdict(null, "allowed for this class only with a scheme at assurance level at least '"
                + o.minimumAssurance() + "'; the profile does not give the level (eu.standards, type certification-scheme, "
                + "assuranceLevel): not determined (" + o.source() + ")"));
    }

    private static boolean atLeast(String level, String minimum) {
        return level != null && ConformityRoutes.ASSURANCE_LEVELS.indexOf(level)
                >= ConformityRoutes.ASSURANCE_LEVELS.indexOf(minimum);
    }

    private static String label(String route) {
        return switch (route) {
            case "module-a" -> "Module A";
            case "module-b-c" -> "Module B + Module C";
            case "module-h" -> "Module H";
            default -> "A European cybersecurity certification scheme";
        };
    }
}
