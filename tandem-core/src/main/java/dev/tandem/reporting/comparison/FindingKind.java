package dev.tandem.reporting.comparison;

/** Whether a statement says the two sides align or diverge. */
public enum FindingKind {
    ALIGNMENT("alignment"), DIVERGENCE("divergence");

    private final String id;

    FindingKind(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }
}
