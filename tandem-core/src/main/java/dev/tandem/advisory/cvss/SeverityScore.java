package dev.tandem.advisory.cvss;

import java.util.Objects;

/**
 * A severity as an advisory states it: OSV {@code severity[].type} (CVSS_V3, CVSS_V4, CVSS_V2,
 * Ubuntu, …), the vector or value as written, the computed base score (NaN when not computable)
 * and its rating. {@code problem} says why the score could not be computed (malformed vector,
 * unknown type); it is empty when the severity was understood.
 */
public record SeverityScore(String type, String vector, double baseScore, Rating rating, String problem) {

    public SeverityScore {
        Objects.requireNonNull(type, "type");
        vector = vector == null ? "" : vector;
        Objects.requireNonNull(rating, "rating");
        problem = problem == null ? "" : problem;
    }

    /** A severity that was understood (no problem). */
    public SeverityScore(String type, String vector, double baseScore, Rating rating) {
        this(type, vector, baseScore, rating, "");
    }

    /** True when a numeric base score was computed. */
    public boolean isScored() {
        return !Double.isNaN(baseScore);
    }
}
