package dev.tandem.reporting.exercise;

/** How a stage ended when the exercise ends. */
public enum Outcome {
    /** Submitted by its due instant. */
    MET("met"),
    /** Submitted after its due instant. */
    LATE("late"),
    /** Not submitted and past due. */
    MISSED("missed"),
    /** Not submitted, due after the end of the exercise. */
    OPEN("open"),
    /** Never dated: its clock-start event did not happen. */
    WAITING("waiting");

    private final String id;

    Outcome(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }
}
