package dev.tandem.conformity.assessment;

import dev.tandem.catalog.Confidence;
import java.util.List;

/**
 * The CRA conformity-assessment routes the product's derived class allows (Art. 32), the route the
 * profile names, and whether the class allows it: {@code chosenAllowed} is null when no route is named,
 * it is not recognised, or whether it is allowed cannot be determined (then {@code chosenFinding} says why).
 * {@code basis} says how the class was reached.
 */
public record RouteResult(String craClass, String title, List<String> allowedRoutes, String chosen,
        Boolean chosenAllowed, String chosenFinding, String note, String source, Confidence confidence, String basis) {
    public RouteResult {
        allowedRoutes = List.copyOf(allowedRoutes);
    }
}
