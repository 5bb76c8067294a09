package dev.tandem.ai;

/** What an AI inventory flags about a model or dataset; each has a stable label for JSON and filters. */
public enum AiFlag {
    /** Neither who supplied it nor where it came from is fully stated. */
    NO_PROVENANCE("no-provenance"),
    /** No hash of its content, so the file deployed cannot be checked against the one assessed. */
    NO_HASHES("no-hashes"),
    /** A model without a model card: its task, training data and limitations are not documented. */
    NO_MODEL_CARD("no-model-card");

    private final String label;

    AiFlag(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
