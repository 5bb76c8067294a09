package dev.tandem.reporting.incident;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tandem.input.InputDocument;
import dev.tandem.input.InputException;
import dev.tandem.input.InputLimits;
import dev.tandem.input.InputPosition;
import dev.tandem.input.JsonInput;
import dev.tandem.input.TextPositions;
import dev.tandem.reporting.catalog.FieldDefinition;
import dev.tandem.reporting.catalog.ReportingCatalog;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads an incident record from JSON or YAML. Structural problems (bad syntax, wrong types, a
 * date-time without an offset, an unknown framework or stage in a submission, an impossible
 * timeline) fail with one {@link InputException} listing every error with its path; unknown keys
 * and doubtful timelines come back as warnings with the record.
 */
public final class IncidentReader {

    /** Far above any real incident record, low enough that hostile input fails fast. */
    static final InputLimits LIMITS = new InputLimits(16L << 20, 64, 1 << 20, 1, 1);
    private static final ObjectMapper JSON = JsonInput.json(LIMITS);
    private static final ObjectMapper YAML = JsonInput.yaml(LIMITS);
    private static final Set<String> TOP = Set.of("$schema", "id", "title", "notes", "entity", "event", "timeline",
            "submissions", "content");
    private static final Set<String> ENTITY = Set.of("name", "timeZone", "euMainEstablishment", "roles", "identifiers");
    private static final Set<String> SUBMISSION = Set.of("framework", "stage", "at", "reference", "note");
    /** Keys of {@code event} that are not flags. */
    private static final Set<String> EVENT_FACTS = Set.of("kind", "affectedIndividuals", "affectedResidents");
    private static final int MIN_YEAR = 1970;
    private static final int MAX_YEAR = 2200;

    private final ReportingCatalog catalog;

    public IncidentReader(ReportingCatalog catalog) {
        this.catalog = catalog;
    }

    /**
     * Reads a record from a document: JSON when its name ends in {@code .json}, YAML for
     * {@code .yaml}/{@code .yml}, otherwise by its first character.
     */
    public IncidentReadResult read(InputDocument document) throws InputException {
        if (document.content().length > LIMITS.maxDocumentBytes()) {
            throw new InputException(document.source(), InputPosition.UNKNOWN, "incident record larger than "
                    + (LIMITS.maxDocumentBytes() >> 20) + " MiB");
        }
        // Decoding would put U+FFFD where a byte is not UTF-8: refuse it at its position instead.
        TextPositions.requireUtf8(document.source(), document.content());
        return read(document.source(), new String(document.content(), StandardCharsets.UTF_8));
    }

    /** Reads a record from text; {@code source} names it in messages and decides the syntax by its extension. */
    public IncidentReadResult read(String source, String text) throws InputException {
        return read(source, parse(source, text));
    }

    /**
     * Parses JSON or YAML text with the hardened mappers. A limit violation (nesting depth, string
     * length) carries no location in Jackson's exception: the parser's position is used instead, so
     * that every refusal names the file and the line.
     */
    public static JsonNode parse(String source, String text) throws InputException {
        ObjectMapper mapper = syntaxOf(source, text);
        if (mapper == YAML) {
            // SnakeYAML slows to a crawl on very long lines: refuse them before parsing.
            JsonInput.checkYamlShape(source, text.getBytes(StandardCharsets.UTF_8));
        }
        JsonParser parser = null;
        try {
            parser = mapper.createParser(text);
            return mapper.readTree(parser);
        } catch (JsonProcessingException e) {
            InputException error = JsonInput.error(source, e);
            JsonLocation where = parser == null ? null : parser.currentLocation();
            if (!error.position().isKnown() && where != null && where.getLineNr() > 0) {
                throw new InputException(source, InputPosition.at(where.getLineNr(), where.getColumnNr()),
                        error.problem(), e);
            }
            throw error;
        } catch (IOException e) {
            throw new InputException(source, InputPosition.UNKNOWN, "unreadable: " + e.getMessage(), e);
        } finally {
            if (parser != null) {
                try {
                    parser.close();
                } catch (IOException ignored) {
                    // closing an in-memory parser cannot lose data
                }
            }
        }
    }


    /** Reads a record already parsed (e.g. the {@code incident} object of a scenario); {@code source} names it. */
    public IncidentReadResult read(String source, JsonNode root) throws InputException {
        if (root == null || root.isMissingNode() || !root.isObject()) {
            throw new InputException(source, InputPosition.UNKNOWN, "an incident record must be an object with entity, event and timeline");
        }
        return new Parse(source, root).run();
    }

    private static ObjectMapper syntaxOf(String source, String text) {
        String name = source.toLowerCase(Locale.ROOT);
        if (name.endsWith(".json")) {
            return JSON;
        }
        if (name.endsWith(".yaml") || name.endsWith(".yml")) {
            return YAML;
        }
        return text.stripLeading().startsWith("{") ? JSON : YAML;
    }

    /** One parse of one document: collects errors and warnings as it walks the tree. */
    private final class Parse {
        private final String source;
        private final JsonNode root;
        private final List<RecordIssue> errors = new ArrayList<>();
        private final List<RecordIssue> warnings = new ArrayList<>();

        Parse(String source, JsonNode root) {
            this.source = source;
            this.root = root;
        }

        IncidentReadResult run() throws InputException {
            unknownKeys(root, "", TOP);
            Entity entity = entity(object(root, "entity", "/entity", true));
            Event event = event(object(root, "event", "/event", true));
            Timeline timeline = timeline(object(root, "timeline", "/timeline", true));
            List<Submission> submissions = submissions(root.get("submissions"));
            content(object(root, "content", "/content", false));
            if (errors.isEmpty()) {
                IncidentRecord record = new IncidentRecord(source, entity, event, timeline, submissions, root);
                new TimelineCheck(catalog, record, errors, warnings).run();
            }
            if (!errors.isEmpty()) {
                throw failure();
            }
            return new IncidentReadResult(new IncidentRecord(source, entity, event, timeline, submissions, root), warnings);
        }

        private InputException failure() {
            RecordIssue first = errors.get(0);
            StringBuilder text = new StringBuilder(first.message());
            int shown = 1;
            for (RecordIssue more : errors.subList(1, errors.size())) {
                if (shown++ == 10) {
                    text.append("; and ").append(errors.size() - 10).append(" more");
                    break;
                }
                text.append("; ").append(more.describe());
            }
            return new InputException(source, InputPosition.pointer(first.path()), text.toString());
        }

        private JsonNode object(JsonNode parent, String key, String path, boolean required) {
            JsonNode node = parent.get(key);
            if (node == null || node.isNull()) {
                if (required) {
                    errors.add(RecordIssue.error(path, "missing: the record needs '" + key + "'"));
                }
                return null;
            }
            if (!node.isObject()) {
                errors.add(RecordIssue.error(path, "must be an object"));
                return null;
            }
            return node;
        }

        private void unknownKeys(JsonNode node, String path, Set<String> known) {
            node.fieldNames().forEachRemaining(name -> {
                if (!known.contains(name)) {
                    warnings.add(RecordIssue.warning(path + "/" + escape(name), "unknown key '" + shorten(name) + "' ignored"));
                }
            });
        }

        private String text(JsonNode parent, String key, String path) {
            JsonNode node = parent.get(key);
            if (node == null || node.isNull()) {
                return null;
            }
            if (!node.isTextual()) {
                errors.add(RecordIssue.error(path, "must be a string"));
                return null;
            }
            return node.asText();
        }

        private Entity entity(JsonNode node) {
            if (node == null) {
                return new Entity(null, null, null, List.of());
            }
            unknownKeys(node, "/entity", ENTITY);
            String name = text(node, "name", "/entity/name");
            ZoneId zone = null;
            String zoneText = text(node, "timeZone", "/entity/timeZone");
            if (zoneText != null) {
                try {
                    zone = ZoneId.of(zoneText);
                } catch (DateTimeException e) {
                    errors.add(RecordIssue.error("/entity/timeZone", "'" + shorten(zoneText) + "' is not an IANA time zone such as Europe/Berlin"));
                }
            } else {
                warnings.add(RecordIssue.warning("/entity/timeZone", "missing: periods in days or months fall back to the regime's zone or UTC"));
            }
            String establishment = text(node, "euMainEstablishment", "/entity/euMainEstablishment");
            if (establishment != null && !catalog.memberStateZones().zones().containsKey(establishment)) {
                warnings.add(RecordIssue.warning("/entity/euMainEstablishment", "'" + shorten(establishment)
                        + "' is not an EU Member State code (DE, FR, NL, ...): EU periods are counted in entity.timeZone"));
            }
            List<String> roles = new ArrayList<>();
            JsonNode rolesNode = node.get("roles");
            if (rolesNode != null && !rolesNode.isNull()) {
                if (!rolesNode.isArray()) {
                    errors.add(RecordIssue.error("/entity/roles", "must be an array of role ids"));
                } else {
                    for (int i = 0; i < rolesNode.size(); i++) {
                        JsonNode role = rolesNode.get(i);
                        if (!role.isTextual()) {
                            errors.add(RecordIssue.error("/entity/roles/" + i, "must be a string"));
                        } else if (!catalog.knowsRole(role.asText())) {
                            warnings.add(RecordIssue.warning("/entity/roles/" + i, "unknown role '" + shorten(role.asText()) + "' ignored"));
                        } else {
                            roles.add(role.asText());
                        }
                    }
                }
            }
            JsonNode identifiers = node.get("identifiers");
            if (identifiers != null && !identifiers.isNull() && !identifiers.isObject()) {
                errors.add(RecordIssue.error("/entity/identifiers", "must be an object (lei, cage, ...)"));
            }
            return new Entity(name, zone, establishment, roles, catalog.roleHierarchy().closure(roles));
        }

        private Event event(JsonNode node) {
            if (node == null) {
                return new Event(List.of(), Map.of(), null, null);
            }
            Set<String> flagIds = new LinkedHashSet<>();
            catalog.flags().forEach(f -> flagIds.add(f.id()));
            node.fieldNames().forEachRemaining(name -> {
                if (!flagIds.contains(name) && !EVENT_FACTS.contains(name)) {
                    warnings.add(RecordIssue.warning("/event/" + escape(name), "unknown key '" + shorten(name)
                            + "' ignored: no regime reads event." + shorten(name) + " (docs/formats/incident.md lists the flags)"));
                }
            });
            List<String> kinds = kinds(node.get("kind"));
            Map<String, Boolean> flags = new LinkedHashMap<>();
            for (String flag : flagIds) {
                JsonNode value = node.get(flag);
                if (value == null || value.isNull()) {
                    continue;
                }
                if (!value.isBoolean()) {
                    errors.add(RecordIssue.error("/event/" + flag, "must be true or false"));
                } else {
                    flags.put(flag, value.asBoolean());
                }
            }
            Long individuals = count(node.get("affectedIndividuals"), "/event/affectedIndividuals");
            Map<String, Long> residents = null;
            JsonNode byJurisdiction = node.get("affectedResidents");
            if (byJurisdiction != null && !byJurisdiction.isNull()) {
                if (!byJurisdiction.isObject()) {
                    errors.add(RecordIssue.error("/event/affectedResidents", "must be an object of State or jurisdiction codes to "
                            + "numbers of affected residents, e.g. {\"NY\": 620, \"NJ\": 80}"));
                } else {
                    residents = new LinkedHashMap<>();
                    var names = byJurisdiction.fieldNames();
                    while (names.hasNext()) {
                        String name = names.next();
                        Long n = count(byJurisdiction.get(name), "/event/affectedResidents/" + escape(name));
                        if (name.isBlank()) {
                            errors.add(RecordIssue.error("/event/affectedResidents", "a State or jurisdiction code must not be empty"));
                        } else if (n != null) {
                            residents.put(name, n);
                        }
                    }
                }
            }
            if (individuals != null && residents != null) {
                long sum = residents.values().stream().mapToLong(Long::longValue).sum();
                if (sum > individuals) {
                    warnings.add(RecordIssue.warning("/event/affectedResidents", "the residents per jurisdiction add up to " + sum
                            + ", more than event.affectedIndividuals (" + individuals + "); check which is right"));
                }
            }
            return new Event(kinds, flags, individuals, residents);
        }

        /** {@code kind}: one of vulnerability, incident, or a list of them (an event can be both). */
        private List<String> kinds(JsonNode node) {
            String hint = "must be 'vulnerability', 'incident', or a list of both, e.g. [incident, vulnerability]";
            if (node == null || node.isNull() || (node.isArray() && node.isEmpty())) {
                warnings.add(RecordIssue.warning("/event/kind", "missing: rules that need a vulnerability or an incident cannot apply"));
                return List.of();
            }
            List<JsonNode> items = new ArrayList<>();
            if (node.isArray()) {
                node.forEach(items::add);
            } else {
                items.add(node);
            }
            List<String> kinds = new ArrayList<>();
            for (int i = 0; i < items.size(); i++) {
                String path = node.isArray() ? "/event/kind/" + i : "/event/kind";
                JsonNode item = items.get(i);
                if (!item.isTextual()) {
                    errors.add(RecordIssue.error(path, hint));
                } else if (!Event.KINDS.contains(item.asText())) {
                    errors.add(RecordIssue.error(path, hint + ", not '" + shorten(item.asText()) + "'"));
                } else if (kinds.contains(item.asText())) {
                    warnings.add(RecordIssue.warning(path, "kind '" + item.asText() + "' listed twice"));
                } else {
                    kinds.add(item.asText());
                }
            }
            return kinds;
        }

        /** A number of people: a whole number, not negative. */
        private Long count(JsonNode node, String path) {
            if (node == null || node.isNull()) {
                return null;
            }
            if (!node.isIntegralNumber() || !node.canConvertToLong() || node.asLong() < 0) {
                errors.add(RecordIssue.error(path, "must be a whole number of people, 0 or more"));
                return null;
            }
            return node.asLong();
        }

        private Timeline timeline(JsonNode node) {
            if (node == null) {
                return new Timeline(Map.of());
            }
            unknownKeys(node, "/timeline", Set.copyOf(Timeline.EVENTS));
            Map<String, OffsetDateTime> events = new LinkedHashMap<>();
            for (String event : Timeline.EVENTS) {
                OffsetDateTime at = dateTime(node.get(event), "/timeline/" + event);
                if (at != null) {
                    events.put(event, at);
                }
            }
            return new Timeline(events);
        }

        private List<Submission> submissions(JsonNode node) {
            List<Submission> submissions = new ArrayList<>();
            if (node == null || node.isNull()) {
                return submissions;
            }
            if (!node.isArray()) {
                errors.add(RecordIssue.error("/submissions", "must be an array"));
                return submissions;
            }
            for (int i = 0; i < node.size(); i++) {
                String path = "/submissions/" + i;
                JsonNode item = node.get(i);
                if (!item.isObject()) {
                    errors.add(RecordIssue.error(path, "must be an object with framework, stage and at"));
                    continue;
                }
                unknownKeys(item, path, SUBMISSION);
                String framework = text(item, "framework", path + "/framework");
                String stage = text(item, "stage", path + "/stage");
                OffsetDateTime at = dateTime(item.get("at"), path + "/at");
                if (framework == null || stage == null || at == null) {
                    if (framework == null || stage == null || item.get("at") == null) {
                        errors.add(RecordIssue.error(path, "a submission needs framework, stage and at"));
                    }
                    continue;
                }
                var known = catalog.framework(framework);
                if (known.isEmpty()) {
                    errors.add(RecordIssue.error(path + "/framework", "unknown framework '" + shorten(framework) + "'"));
                } else if (known.get().stage(stage).isEmpty()) {
                    errors.add(RecordIssue.error(path + "/stage", "framework " + framework + " has no stage '" + shorten(stage)
                            + "' (it has " + known.get().stages().stream().map(s -> s.id()).toList() + ")"));
                } else {
                    submissions.add(new Submission(framework, stage, at, path));
                }
            }
            return submissions;
        }

        private void content(JsonNode node) {
            if (node == null) {
                return;
            }
            Set<String> known = new LinkedHashSet<>();
            Set<String> ransom = new LinkedHashSet<>();
            for (FieldDefinition field : catalog.fields()) {
                String[] parts = field.recordPath().split("\\.");
                if (parts[0].equals("content") && parts.length >= 2) {
                    known.add(parts[1]);
                    if (parts[1].equals("ransom") && parts.length == 3) {
                        ransom.add(parts[2]);
                    }
                }
            }
            unknownKeys(node, "/content", known);
            JsonNode ransomNode = node.get("ransom");
            if (ransomNode != null && !ransomNode.isNull()) {
                if (!ransomNode.isObject()) {
                    errors.add(RecordIssue.error("/content/ransom", "must be an object (demand, amountPaid, paymentInstructions, justification)"));
                } else {
                    unknownKeys(ransomNode, "/content/ransom", ransom);
                }
            }
        }

        private OffsetDateTime dateTime(JsonNode node, String path) {
            if (node == null || node.isNull()) {
                return null;
            }
            if (!node.isTextual()) {
                errors.add(RecordIssue.error(path, "must be an ISO-8601 date-time with offset, e.g. 2026-11-20T23:30:00+01:00"));
                return null;
            }
            String text = node.asText().strip();
            OffsetDateTime at;
            try {
                at = text.endsWith("]")
                        ? java.time.ZonedDateTime.parse(text, DateTimeFormatter.ISO_ZONED_DATE_TIME).toOffsetDateTime()
                        : OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
            } catch (DateTimeParseException e) {
                if (looksLocal(text)) {
                    errors.add(RecordIssue.error(path, "'" + shorten(text) + "' has no offset: a date-time must carry one (Z or +01:00), "
                            + "otherwise the instant is ambiguous"));
                } else {
                    errors.add(RecordIssue.error(path, "'" + shorten(text) + "' is not an ISO-8601 date-time with offset, e.g. 2026-11-20T23:30:00+01:00"));
                }
                return null;
            }
            if (at.getYear() < MIN_YEAR || at.getYear() > MAX_YEAR) {
                errors.add(RecordIssue.error(path, "year " + at.getYear() + " is outside " + MIN_YEAR + "–" + MAX_YEAR));
                return null;
            }
            return at;
        }

        private boolean looksLocal(String text) {
            try {
                java.time.LocalDateTime.parse(text);
                return true;
            } catch (DateTimeParseException e) {
                try {
                    java.time.LocalDate.parse(text);
                    return true;
                } catch (DateTimeParseException again) {
                    return false;
                }
            }
        }
    }

    private static String escape(String key) {
        return shorten(key.replace("~", "~0").replace("/", "~1"));
    }

    /** Keeps hostile huge keys or values out of messages. */
    static String shorten(String text) {
        return text.length() > 80 ? text.substring(0, 80) + "..." : text;
    }
}
