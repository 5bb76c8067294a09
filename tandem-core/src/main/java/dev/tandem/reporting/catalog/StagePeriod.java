package dev.tandem.reporting.catalog;

/**
 * A period as written in the catalog: exactly one of hours, days, months, business days, or
 * {@code asap} (the law's own words, "without undue delay", for a duty with no fixed period).
 */
public record StagePeriod(Integer hours, Integer days, Integer months, Integer businessDays, String asap) {

    public StagePeriod {
        int set = (hours == null ? 0 : 1) + (days == null ? 0 : 1) + (months == null ? 0 : 1)
                + (businessDays == null ? 0 : 1) + (asap == null ? 0 : 1);
        if (set != 1) {
            throw new IllegalArgumentException("a period needs exactly one of hours, days, months, businessDays, asap");
        }
        if (asap != null && asap.isBlank()) {
            throw new IllegalArgumentException("asap gives the law's words, e.g. \"without undue delay\"");
        }
        Integer amount = hours != null ? hours : days != null ? days : months != null ? months : businessDays;
        if (amount != null && amount <= 0) {
            throw new IllegalArgumentException("a period must be positive");
        }
    }

    /** A fixed period of hours, days, months or business days (exactly one non-null). */
    public StagePeriod(Integer hours, Integer days, Integer months, Integer businessDays) {
        this(hours, days, months, businessDays, null);
    }

    public TimeBasis basis() {
        if (hours != null) {
            return TimeBasis.HOURS;
        }
        if (days != null) {
            return TimeBasis.DAYS;
        }
        if (months != null) {
            return TimeBasis.MONTHS;
        }
        return businessDays != null ? TimeBasis.BUSINESS_DAYS : TimeBasis.ASAP;
    }

    /** Whether the law sets a fixed period (everything but {@code asap}). */
    public boolean fixed() {
        return asap == null;
    }

    /** The number of units; 0 for a period without a fixed length. */
    public int amount() {
        return hours != null ? hours : days != null ? days : months != null ? months : businessDays != null ? businessDays : 0;
    }

    /** ISO-8601 duration ({@code PT24H}, {@code P14D}, {@code P1M}); business days give {@code 4BD}, no fixed period {@code ASAP}. */
    public String iso() {
        return switch (basis()) {
            case HOURS -> "PT" + amount() + "H";
            case DAYS -> "P" + amount() + "D";
            case MONTHS -> "P" + amount() + "M";
            case BUSINESS_DAYS -> amount() + "BD";
            case ASAP -> "ASAP";
        };
    }

    /** "24 elapsed hours", "1 calendar month", "4 business days", "without undue delay (no fixed period)". */
    public String describe() {
        if (!fixed()) {
            return asap + " (no fixed period)";
        }
        String words = basis().words();
        if (amount() == 1) {
            words = words.substring(0, words.length() - 1);
        }
        return amount() + " " + words;
    }
}
