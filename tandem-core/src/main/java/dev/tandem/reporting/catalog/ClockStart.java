package dev.tandem.reporting.catalog;

/**
 * What starts a stage's clock: a timeline event of the record (with an optional fallback event),
 * or the submission of an earlier stage of the same framework. {@code submission} says which
 * submission of a repeatable earlier stage counts: {@code first} (default) or {@code latest}
 * (DORA: the final report runs from the latest updated intermediate report).
 */
public record ClockStart(String event, String fallback, String afterStage, String submission) {

    /** {@code submission} value: the latest recorded submission of the earlier stage starts the clock. */
    public static final String LATEST = "latest";

    public ClockStart {
        if ((event == null) == (afterStage == null)) {
            throw new IllegalArgumentException("a clock start needs exactly one of event, afterStage");
        }
        if (submission != null && (afterStage == null || !(submission.equals("first") || submission.equals(LATEST)))) {
            throw new IllegalArgumentException("submission is 'first' or 'latest', and only with afterStage");
        }
    }

    public boolean chained() {
        return afterStage != null;
    }

    /** Whether the latest (not the first) submission of {@code afterStage} starts the clock. */
    public boolean fromLatestSubmission() {
        return LATEST.equals(submission);
    }
}
