package dev.tandem.advisory.cvss;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

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
     * across hundreds of thousands of advisories (issue 20: scoring was 5 % of {@code db build}).
     * Bounded; once full, further vectors are scored each time.
     */
    private static final ConcurrentHashMap<Key, SeverityScore> SCORED = new ConcurrentHashMap<>();
    private static final int SCORED_LIMIT = 1 << 16;

    private record Key(String type, String vector) {
    }

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
        Key key = new Key(type, vector);
        SeverityScore known = SCORED.get(key);
        if (known == null) {
            known = scoreOnce(type, vector);
            if (SCORED.size() < SCORED_LIMIT) {
                SCORED.putIfAbsent(key, known);
            }
        }
        return known;
    }

    private static SeverityScore scoreOnce(String type, String vector) {
        String label = type == null ? "" : type;
        if (vector == null || vector.isBlank()) {
            return unknown(label, vector, "the severity has no score or vector");
        }
        String text = vector.strip();
        Rating word = WORDS.get(text.toLowerCase(Locale.ROOT));
        if (word != null) {
            return new SeverityScore(label, vector, Double.NaN, word);
        }
        try {
            if (text.startsWith("CVSS:4.0/")) {
                return scored(label, vector, Cvss4.score(text.substring(9)), false);
            }
            if (text.startsWith("CVSS:3.1/")) {
                return scored(label, vector, Cvss3.baseScore(text.substring(9), 1), false);
            }
            if (text.startsWith("CVSS:3.0/")) {
                return scored(label, vector, Cvss3.baseScore(text.substring(9), 0), false);
            }
            if (text.startsWith("CVSS:")) {
                int slash = text.indexOf('/');
                String prefix = slash < 0 ? text : text.substring(0, slash);
                if (!prefix.equals("CVSS:2.0")) {
                    return unknown(label, vector, "unsupported CVSS version \"" + CvssVector.shorten(prefix) + "\"");
                }
                return scored(label, vector, Cvss2.baseScore(slash < 0 ? "" : text.substring(slash + 1)), true);
            }
            if (label.equalsIgnoreCase("CVSS_V2") || text.startsWith("AV:") || text.startsWith("(AV:")) {
                String body = text.startsWith("(") && text.endsWith(")") ? text.substring(1, text.length() - 1) : text;
                return scored(label, vector, Cvss2.baseScore(body), true);
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
