package dev.tandem.advisory.cvss;

/** Qualitative severity rating (CVSS v3.x/v4.0 bands), ordered from most to least severe. */
public enum Rating {
    CRITICAL, HIGH, MEDIUM, LOW, NONE, UNKNOWN;

    /** The CVSS v3.x / v4.0 band of a base score: 9.0 critical, 7.0 high, 4.0 medium, 0.1 low, 0 none. */
    public static Rating ofScore(double score) {
        if (Double.isNaN(score)) {
            return UNKNOWN;
        }
        if (score >= 9.0) {
            return CRITICAL;
        }
        if (score >= 7.0) {
            return HIGH;
        }
        if (score >= 4.0) {
            return MEDIUM;
        }
        if (score > 0.0) {
            return LOW;
        }
        return NONE;
    }

    /** True when this rating is at least as severe as {@code other}. */
    public boolean isAtLeast(Rating other) {
        return this != UNKNOWN && ordinal() <= other.ordinal();
    }
}
