package dev.tandem.reporting.incident;

/** How serious a problem in the record is: an error makes the record unusable, a warning is shown with the result. */
public enum IssueSeverity {
    ERROR, WARNING;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
