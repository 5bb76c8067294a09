package dev.tandem.reporting.obligation;

/** Where a stage stands relative to the evaluation instant. */
public enum Status {
    /** Due later than the due-soon window. */
    PENDING("pending"),
    /** Due within the due-soon window (24 hours by default). */
    DUE_SOON("due-soon"),
    /** Not submitted and past its due instant. */
    OVERDUE("overdue"),
    /** A submission is recorded. */
    SUBMITTED("submitted"),
    /** Cannot be dated yet: its clock-start event (or the earlier stage) is missing. */
    WAITING("waiting"),
    /** Owed now, "without undue delay" or "as soon as possible": its clock has started but the law sets no fixed period. */
    ASAP("asap");

    private final String id;

    Status(String id) {
        this.id = id;
    }

    /** The id used in every output format ({@code due-soon}). */
    public String id() {
        return id;
    }
}
