package dev.tandem.conformity.assessment;

import dev.tandem.conformity.catalog.Confidence;
import java.util.List;

/** The CRA conformity-assessment routes the product's class allows, and the route the profile names. */
public record RouteResult(String craClass, String title, List<String> allowedRoutes, String chosen, String note,
        String source, Confidence confidence) {
    public RouteResult {
        allowedRoutes = List.copyOf(allowedRoutes);
    }
}
