package dev.tandem.conformity.assessment;

import dev.tandem.catalog.Confidence;
import java.util.List;

/**
 * The CRA conformity-assessment routes the product's class allows, the route the profile names, and
 * whether the class allows it ({@code chosenAllowed} null when no route is named or it is not recognised).
 */
public record RouteResult(String craClass, String title, List<String> allowedRoutes, String chosen,
        Boolean chosenAllowed, String chosenFinding, String note, String source, Confidence confidence) {
    public RouteResult {
        allowedRoutes = List.copyOf(allowedRoutes);
    }
}
