package dev.tandem.ai;

/** What an AI component is, by its CycloneDX component type. */
public enum AiKind {
    /** A machine-learning model (CycloneDX type {@code machine-learning-model}). */
    MODEL("machine-learning-model"),
    /** A data component, such as a training or evaluation dataset (CycloneDX type {@code data}). */
    DATASET("data");

    private final String type;

    AiKind(String type) {
        this.type = type;
    }

    /** The CycloneDX component type. */
    public String type() {
        return type;
    }
}
