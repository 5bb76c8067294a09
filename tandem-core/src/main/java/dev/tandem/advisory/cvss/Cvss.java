package dev.tandem.advisory.cvss;

import java.util.Locale;
import java.util.Map;

/**
 * Scores the severities advisories state: CVSS v2, v3.0, v3.1 and v4.0 vectors (base score per the
 * FIRST specifications) and textual ratings (Ubuntu priorities, GHSA's {@code database_specific.severity}).
 * Never throws on bad input: a malformed vector gives score NaN, {@link Rating#UNKNOWN} and a
 * {@link SeverityScore#problem() problem}, and the vector is kept as written.
 */
public final class Cvss {

    /** Textual ratings: Ubuntu priorities and GHSA severities. "negligible" rounds up to LOW, never to none. */
    private static final Map<String, Rating> WORDS = Map.of(
            "critical", Rating.CRITICAL,
            "high", Rating.HIGH,
            "important", Rating.HIGH,
            "moderate", Rating.MEDIUM,
            "medium", Rating.MEDIUM,
            "low", Rating.LOW,
            "negligible", Rating.LOW,
            "none", Rating.NONE);

    /**
     * Scores already worked out, by type and vector: a feed states the same few thousand vectors
     * across hundreds of thousands of advisories (issue 20). Direct-mapped by the strings' hash, one
     * score per slot, the last one scored wins: no lock, no resizing, no allocation on a hit, a
     * fixed 128 KiB. Threads share it without synchronisation: a {@link SeverityScore} is immutable
     * (final fields), so a thread sees either null, an older score or a newer one, and each is
     * checked against the type and vector asked for.
     */
    private static final SeverityScore[] SCORED = new SeverityScore[1 << 15];

    private Cvss() {
    }

    /**
     * Scores one severity.
     *
     * @param type   the OSV severity type ({@code CVSS_V2}, {@code CVSS_V3}, {@code CVSS_V4}, {@code Ubuntu}, …)
     *               or any label for textual ratings; may be null
     * @param vector the vector or textual rating as written
     */
    public static SeverityScore score(String type, String vector) {
        if (type == null || vector == null) {
            return scoreOnce(type, vector);
        }
        int hash = vector.hashCode() * 31 + type.hashCode();
        int slot = (hash ^ hash >>> 15) & (SCORED.length - 1);
        SeverityScore known = SCORED[slot];
        if (known != null && known.vector().equals(vector) && known.type().equals(type)) {
            return known;
        }
        known = scoreOnce(type, vector);
        SCORED[slot] = known;
        return known;
    }

    private static SeverityScore scoreOnce(String type, String vector) {
        String label = type == null ? "" : type;
        if (vector == null || vector.isBlank()) {
            return unknown(label, vector, "the severity has no score or vector");
        }
        String text = vector.strip();
        boolean versioned = text.startsWith("CVSS:");
        // No rating word starts with "CVSS:": a vector skips the lower-cased copy.
        Rating word = versioned ? null : WORDS.get(text.toLowerCase(Locale.ROOT));
        if (word != null) {
            return new SeverityScore(label, vector, Double.NaN, word);
        }
        int end = text.length();
        try {
            if (text.startsWith("CVSS:4.0/")) {
                return scored(label, vector, Cvss4.score(text, 9, end), false);
            }
            if (text.startsWith("CVSS:3.1/")) {
                return scored(label, vector, Cvss3.baseScore(text, 9, end, 1), false);
            }
            if (text.startsWith("CVSS:3.0/")) {
                return scored(label, vector, Cvss3.baseScore(text, 9, end, 0), false);
            }
            if (versioned) {
                int slash = text.indexOf('/');
                String prefix = slash < 0 ? text : text.substring(0, slash);
                if (!prefix.equals("CVSS:2.0")) {
                    return unknown(label, vector, "unsupported CVSS version \"" + CvssVector.shorten(prefix) + "\"");
                }
                return scored(label, vector, Cvss2.baseScore(text, slash < 0 ? end : slash + 1, end), true);
            }
            if (label.equalsIgnoreCase("CVSS_V2") || text.startsWith("AV:") || text.startsWith("(AV:")) {
                boolean parenthesised = text.startsWith("(") && text.endsWith(")");
                return scored(label, vector, parenthesised ? Cvss2.baseScore(text, 1, end - 1) : Cvss2.baseScore(text, 0, end), true);
            }
        } catch (MalformedVectorException e) {
            return unknown(label, vector, "malformed CVSS vector: " + e.getMessage());
        }
        if (label.toUpperCase(Locale.ROOT).startsWith("CVSS")) {
            return unknown(label, vector, "a " + label + " severity needs a vector starting with CVSS:x.y/");
        }
        return unknown(label, vector, "unknown severity \"" + CvssVector.shorten(text) + "\" of type \""
                + CvssVector.shorten(label) + "\"");
    }

    /**
     * The rating of a CVSS v2 base score by NVD's v2 bands (low below 4.0, medium below 7.0, high
     * otherwise); v2 defines no critical band.
     */
    public static Rating ratingOfV2(double score) {
        if (Double.isNaN(score)) {
            return Rating.UNKNOWN;
        }
        if (score >= 7.0) {
            return Rating.HIGH;
        }
        if (score >= 4.0) {
            return Rating.MEDIUM;
        }
        return score > 0 ? Rating.LOW : Rating.NONE;
    }

    private static SeverityScore scored(String type, String vector, double score, boolean v2) {
        return new SeverityScore(type, vector, score, v2 ? ratingOfV2(score) : Rating.ofScore(score));
    }

    private static SeverityScore unknown(String type, String vector, String problem) {
        return new SeverityScore(type, vector, Double.NaN, Rating.UNKNOWN, problem);
    }
}
