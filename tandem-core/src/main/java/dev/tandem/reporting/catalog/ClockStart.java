package dev.tandem.reporting.catalog;

/**
 * What starts a stage's clock: a timeline event of the record (with an optional fallback event),
 * or the submission of an earlier stage of the same framework. {@code submission} says which
 * submission of a repeatable earlier stage counts: {@code first} (default) or {@code latest}
 * (DORA: the final report runs from the latest updated intermediate report). {@code startOf}
 * moves an event's clock to the start of the next calendar day ({@code next-day}: "by the end of
 * the next calendar day" is then one day) or of the next calendar year ({@code next-calendar-year}:
 * "within 60 days after the end of each calendar year"), in the regime's zone.
 */
public record ClockStart(String event, String fallback, String afterStage, String submission, String startOf) {

    /** {@code submission} value: the latest recorded submission of the earlier stage starts the clock. */
    public static final String LATEST = "latest";
    /** {@code startOf} value: the clock starts at 00:00 of the day after the event. */
    public static final String NEXT_DAY = "next-day";
    /** {@code startOf} value: the clock starts at 00:00 on 1 January after the event. */
    public static final String NEXT_CALENDAR_YEAR = "next-calendar-year";

    public ClockStart {
        if ((event == null) == (afterStage == null)) {
            throw new IllegalArgumentException("a clock start needs exactly one of event, afterStage");
        }
        if (submission != null && (afterStage == null || !(submission.equals("first") || submission.equals(LATEST)))) {
            throw new IllegalArgumentException("submission is 'first' or 'latest', and only with afterStage");
        }
        if (startOf != null && (event == null || !(startOf.equals(NEXT_DAY) || startOf.equals(NEXT_CALENDAR_YEAR)))) {
            throw new IllegalArgumentException("startOf is 'next-day' or 'next-calendar-year', and only with event");
        }
    }

    /** An event clock without fallback or roll-over. */
    public ClockStart(String event, String fallback, String afterStage, String submission) {
        this(event, fallback, afterStage, submission, null);
    }

    public boolean chained() {
        return afterStage != null;
    }

    /** Whether the latest (not the first) submission of {@code afterStage} starts the clock. */
    public boolean fromLatestSubmission() {
        return LATEST.equals(submission);
    }

    /** "the start of the day after ", "the end of the calendar year of ", or "" before the event's name. */
    public String rollWords() {
        if (NEXT_DAY.equals(startOf)) {
            return "the end of the day of ";
        }
        return NEXT_CALENDAR_YEAR.equals(startOf) ? "the end of the calendar year of " : "";
    }
}
