package dev.tandem.reporting.incident;

/** A problem found in an incident record, with its JSON-pointer path ({@code /timeline/ransomPaidAt}). */
public record RecordIssue(IssueSeverity severity, String path, String message) {

    public static RecordIssue warning(String path, String message) {
        return new RecordIssue(IssueSeverity.WARNING, path, message);
    }

    public static RecordIssue error(String path, String message) {
        return new RecordIssue(IssueSeverity.ERROR, path, message);
    }

    /** "/timeline/ransomPaidAt: ransom paid before awareness". */
    public String describe() {
        return (path == null || path.isEmpty() ? "" : path + ": ") + message;
    }
}
