package dev.tandem.conformity.catalog;

import dev.tandem.catalog.Confidence;
import dev.tandem.conformity.profile.CraClass;
import java.util.List;
import java.util.Optional;

/** The CRA conformity-assessment routes per product class and the support-period floor, as catalog data. */
public record ConformityRoutes(SupportPeriodRule supportPeriod, List<ClassRoutes> classes) {

    public ConformityRoutes {
        classes = List.copyOf(classes);
    }

    /** Art. 13(8): the minimum support period and its source. */
    public record SupportPeriodRule(int minimumYears, String source, Confidence confidence) {
    }

    /** The routes one CRA class allows. */
    public record ClassRoutes(String craClass, String title, List<String> routes, String note, String source,
            Confidence confidence) {
        public ClassRoutes {
            routes = List.copyOf(routes);
        }
    }

    public Optional<ClassRoutes> forClass(CraClass craClass) {
        return classes.stream().filter(c -> c.craClass().equals(craClass.label())).findFirst();
    }
}
