package dev.tandem.reporting.catalog;

/** A period as written in the catalog: exactly one of hours, days, months or business days. */
public record StagePeriod(Integer hours, Integer days, Integer months, Integer businessDays) {

    public StagePeriod {
        int set = (hours == null ? 0 : 1) + (days == null ? 0 : 1) + (months == null ? 0 : 1)
                + (businessDays == null ? 0 : 1);
        if (set != 1) {
            throw new IllegalArgumentException("a period needs exactly one of hours, days, months, businessDays");
        }
        int amount = hours != null ? hours : days != null ? days : months != null ? months : businessDays;
        if (amount <= 0) {
            throw new IllegalArgumentException("a period must be positive");
        }
    }

    public TimeBasis basis() {
        if (hours != null) {
            return TimeBasis.HOURS;
        }
        if (days != null) {
            return TimeBasis.DAYS;
        }
        return months != null ? TimeBasis.MONTHS : TimeBasis.BUSINESS_DAYS;
    }

    public int amount() {
        return hours != null ? hours : days != null ? days : months != null ? months : businessDays;
    }

    /** ISO-8601 duration ({@code PT24H}, {@code P14D}, {@code P1M}); business days have none and give {@code 4BD}. */
    public String iso() {
        return switch (basis()) {
            case HOURS -> "PT" + amount() + "H";
            case DAYS -> "P" + amount() + "D";
            case MONTHS -> "P" + amount() + "M";
            case BUSINESS_DAYS -> amount() + "BD";
        };
    }

    /** "24 elapsed hours", "1 calendar month", "4 business days". */
    public String describe() {
        String words = basis().words();
        if (amount() == 1) {
            words = words.substring(0, words.length() - 1);
        }
        return amount() + " " + words;
    }
}
