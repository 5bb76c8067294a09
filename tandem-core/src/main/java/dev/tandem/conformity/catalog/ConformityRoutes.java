package dev.tandem.conformity.catalog;

import dev.tandem.catalog.Confidence;
import dev.tandem.conformity.profile.CraClass;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The CRA conformity-assessment routes per product class and the support-period floor, as catalog data. */
public record ConformityRoutes(SupportPeriodRule supportPeriod, List<ClassRoutes> classes) {

    /** The route ids an option may name. */
    public static final Set<String> ROUTE_IDS = Set.of("module-a", "module-b-c", "module-h", "certification");
    /** The conditions an option may name in {@code when}. */
    public static final Set<String> CONDITIONS = Set.of("standards-applied-in-full", "foss-public-documentation",
            "no-certification-required");
    /** The assurance levels of a European cybersecurity certification scheme (Regulation (EU) 2019/881, Art. 52), lowest first. */
    public static final List<String> ASSURANCE_LEVELS = List.of("basic", "substantial", "high");

    public ConformityRoutes {
        classes = List.copyOf(classes);
    }

    /** Art. 13(8): the minimum support period and its source. */
    public record SupportPeriodRule(int minimumYears, String source, Confidence confidence) {
    }

    /**
     * The routes one CRA class allows: {@code routes} as every output shows them, {@code options} as the
     * assessment checks a chosen route against them.
     */
    public record ClassRoutes(String craClass, String title, List<String> routes, List<RouteOption> options, String note,
            String source, Confidence confidence) {
        public ClassRoutes {
            routes = List.copyOf(routes);
            options = options == null ? List.of() : List.copyOf(options);
        }

        /** The option for a route id, when the class allows that route at all. */
        public Optional<RouteOption> option(String route) {
            return options.stream().filter(o -> o.route().equals(route)).findFirst();
        }
    }

    /**
     * One route a class allows: the route id, the alternative conditions any one of which opens it (none:
     * always open), the lowest assurance level a certification scheme must have, and the provision.
     */
    public record RouteOption(String route, List<String> when, String minimumAssurance, String source) {
        public RouteOption {
            when = when == null ? List.of() : List.copyOf(when);
        }
    }

    public Optional<ClassRoutes> forClass(CraClass craClass) {
        return classes.stream().filter(c -> c.craClass().equals(craClass.label())).findFirst();
    }
}
