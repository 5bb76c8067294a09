package dev.tandem.reporting.draft;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.catalog.Confidence;

/** One field of a draft: its value from the record, or null when missing. */
public record DraftField(String id, String label, String recordPath, JsonNode value, String condition, String source,
        Confidence confidence) {

    public boolean missing() {
        return value == null;
    }
}
