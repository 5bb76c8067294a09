package dev.tandem.advisory.cvss;

import java.util.Objects;

/**
 * A severity as an advisory states it: OSV {@code severity[].type} (CVSS_V3, CVSS_V4, CVSS_V2,
 * Ubuntu, …), the vector or value as written, the computed base score (NaN when not computable)
 * and its rating. {@code problem} says why the score could not be computed (malformed vector,
 * unknown type); it is empty when the severity was understood. {@code source} says who stated it:
 * the advisory id for OSV, or the record and scorer for NVD and CVE records ("NVD CVE-2014-0160,
 * nvd@nist.gov, Primary"); empty when not known.
 */
public record SeverityScore(String type, String vector, double baseScore, Rating rating, String problem,
        String source) {

    public SeverityScore {
        Objects.requireNonNull(type, "type");
        vector = vector == null ? "" : vector;
        Objects.requireNonNull(rating, "rating");
        problem = problem == null ? "" : problem;
        source = source == null ? "" : source;
    }

    /** A severity whose source is not (yet) known. */
    public SeverityScore(String type, String vector, double baseScore, Rating rating, String problem) {
        this(type, vector, baseScore, rating, problem, "");
    }

    /** A severity that was understood (no problem). */
    public SeverityScore(String type, String vector, double baseScore, Rating rating) {
        this(type, vector, baseScore, rating, "", "");
    }

    /** The same severity stated by {@code newSource}. */
    public SeverityScore withSource(String newSource) {
        return new SeverityScore(type, vector, baseScore, rating, problem, newSource);
    }

    /** True when a numeric base score was computed. */
    public boolean isScored() {
        return !Double.isNaN(baseScore);
    }
}
