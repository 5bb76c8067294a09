package dev.tandem.advisory;

import java.util.Objects;

/**
 * A severity as an advisory states it: OSV {@code severity[].type} (CVSS_V3, CVSS_V4, CVSS_V2,
 * Ubuntu, …), the vector or value as written, the computed base score (NaN when not computable)
 * and its rating.
 */
public record SeverityScore(String type, String vector, double baseScore, Rating rating) {

    public SeverityScore {
        Objects.requireNonNull(type, "type");
        vector = vector == null ? "" : vector;
        Objects.requireNonNull(rating, "rating");
    }
}
