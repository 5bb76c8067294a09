package dev.tandem.advisory.nvd;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.input.InputException;
import java.util.List;

/** The English description of a record (the first one when none is marked English), and its first line as a summary. */
final class Descriptions {

    private Descriptions() {
    }

    /** From an array of {@code {lang, value}} objects. */
    static String english(RecordNodes n, JsonNode parent, String field, String pointer) throws InputException {
        List<JsonNode> descriptions = n.array(parent, field, pointer);
        String first = "";
        for (int i = 0; i < descriptions.size(); i++) {
            String at = RecordNodes.child(RecordNodes.child(pointer, field), i);
            JsonNode description = n.element(descriptions.get(i), at);
            String value = n.text(description, "value", at);
            String lang = n.text(description, "lang", at);
            if (lang.equalsIgnoreCase("en") || lang.toLowerCase(java.util.Locale.ROOT).startsWith("en-")) {
                return value;
            }
            if (first.isEmpty()) {
                first = value;
            }
        }
        return first;
    }

    /** The first line of a description, at most 200 characters: what a finding shows as its summary. */
    static String headline(String description) {
        String line = description.strip().lines().findFirst().orElse("").strip();
        return line.length() > 200 ? line.substring(0, 200) + "…" : line;
    }
}
