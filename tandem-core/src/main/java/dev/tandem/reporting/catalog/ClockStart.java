package dev.tandem.reporting.catalog;

/**
 * What starts a stage's clock: a timeline event of the record (with an optional fallback event),
 * or the submission of an earlier stage of the same framework.
 */
public record ClockStart(String event, String fallback, String afterStage) {

    public ClockStart {
        if ((event == null) == (afterStage == null)) {
            throw new IllegalArgumentException("a clock start needs exactly one of event, afterStage");
        }
    }

    public boolean chained() {
        return afterStage != null;
    }
}
