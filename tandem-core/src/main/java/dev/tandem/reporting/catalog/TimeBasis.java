package dev.tandem.reporting.catalog;

/** How a period is counted. */
public enum TimeBasis {
    /** Elapsed wall-clock hours, nights, weekends and DST changes included. */
    HOURS("hours", "elapsed hours"),
    /** Calendar days in the governing time zone, same local time. */
    DAYS("days", "calendar days"),
    /** Calendar months in the governing time zone, month ends clamped. */
    MONTHS("months", "calendar months"),
    /** Days that are neither weekend days nor holidays of the regime's calendar. */
    BUSINESS_DAYS("businessDays", "business days"),
    /** "Without undue delay", "as soon as possible": owed at once, but the law sets no fixed period. */
    ASAP("asap", "no fixed period");

    private final String key;
    private final String words;

    TimeBasis(String key, String words) {
        this.key = key;
        this.words = words;
    }

    /** The key used in the catalog ({@code hours}, {@code businessDays}, ...). */
    public String key() {
        return key;
    }

    public String words() {
        return words;
    }

    public static TimeBasis ofKey(String key) {
        for (TimeBasis basis : values()) {
            if (basis.key.equals(key)) {
                return basis;
            }
        }
        throw new IllegalArgumentException("unknown time basis '" + key + "'");
    }
}
