package dev.tandem.reporting.exercise;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tandem.input.InputDocument;
import dev.tandem.input.InputException;
import dev.tandem.input.InputPosition;
import dev.tandem.input.TextPositions;
import dev.tandem.reporting.catalog.ReportingCatalog;
import dev.tandem.reporting.incident.IncidentReadResult;
import dev.tandem.reporting.incident.IncidentReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Set;

/**
 * Reads a scenario (JSON or YAML): {@code title}, {@code description}, {@code until} (date-time
 * with offset: the end of the exercise) and {@code incident} (an incident record). Paths in
 * messages about the record are relative to {@code incident}.
 */
public final class ScenarioReader {

    private static final long MAX_BYTES = 16L << 20;
    private static final Set<String> TOP = Set.of("$schema", "title", "description", "until", "incident");
    private final IncidentReader incidents;

    public ScenarioReader(ReportingCatalog catalog) {
        this.incidents = new IncidentReader(catalog);
    }

    /** Reads a scenario document. */
    public Scenario read(InputDocument document) throws InputException {
        return read(document, null);
    }

    /** Reads a scenario document; with {@code shift}, the named timeline event is moved before the record is checked. */
    public Scenario read(InputDocument document, Shift shift) throws InputException {
        if (document.content().length > MAX_BYTES) {
            throw new InputException(document.source(), InputPosition.UNKNOWN, "scenario larger than 16 MiB");
        }
        TextPositions.requireUtf8(document.source(), document.content());
        return read(document.source(), new String(document.content(), StandardCharsets.UTF_8), shift);
    }

    /** Reads a scenario from text; {@code source} names it in messages and decides the syntax by its extension. */
    public Scenario read(String source, String text, Shift shift) throws InputException {
        JsonNode root = IncidentReader.parse(source, text);
        if (root == null || !root.isObject()) {
            throw new InputException(source, InputPosition.UNKNOWN, "a scenario must be an object with title, until and incident");
        }
        var names = root.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!TOP.contains(name)) {
                throw new InputException(source, InputPosition.pointer("/" + name), "unknown key in a scenario (known: " + TOP + ")");
            }
        }
        String title = text(root, "title", source);
        String description = root.hasNonNull("description") ? text(root, "description", source) : "";
        Instant until = instant(root.get("until"), source);
        JsonNode incident = root.get("incident");
        if (incident == null || !incident.isObject()) {
            throw new InputException(source, InputPosition.pointer("/incident"), "missing: the scenario needs an incident record");
        }
        if (shift != null) {
            incident = shifted((ObjectNode) incident.deepCopy(), shift, source);
        }
        IncidentReadResult read = incidents.read(source + "#/incident", incident);
        return new Scenario(source, title, description, until, read);
    }

    private static JsonNode shifted(ObjectNode incident, Shift shift, String source) throws InputException {
        JsonNode timeline = incident.get("timeline");
        JsonNode value = timeline == null ? null : timeline.get(shift.event());
        if (value == null || !value.isTextual()) {
            throw new InputException(source, InputPosition.pointer("/incident/timeline/" + shift.event()),
                    "cannot move " + shift.event() + ", which the scenario's timeline does not record");
        }
        OffsetDateTime at;
        try {
            at = OffsetDateTime.parse(value.asText());
        } catch (DateTimeParseException e) {
            throw new InputException(source, InputPosition.pointer("/incident/timeline/" + shift.event()),
                    "not an ISO-8601 date-time with offset");
        }
        ((ObjectNode) timeline).put(shift.event(), at.plus(shift.by()).toString());
        return incident;
    }

    private static String text(JsonNode root, String key, String source) throws InputException {
        JsonNode node = root.get(key);
        if (node == null || !node.isTextual() || node.asText().isBlank()) {
            throw new InputException(source, InputPosition.pointer("/" + key), "missing or not a string");
        }
        return node.asText();
    }

    private static Instant instant(JsonNode node, String source) throws InputException {
        if (node == null || !node.isTextual()) {
            throw new InputException(source, InputPosition.pointer("/until"), "missing: the instant the exercise ends, with offset");
        }
        try {
            return OffsetDateTime.parse(node.asText()).toInstant();
        } catch (DateTimeParseException e) {
            throw new InputException(source, InputPosition.pointer("/until"), "'" + node.asText()
                    + "' is not an ISO-8601 date-time with offset");
        }
    }
}
