package dev.tandem.triage.decisions;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tandem.input.InputDocument;
import dev.tandem.input.InputException;
import dev.tandem.input.InputLimits;
import dev.tandem.input.InputPosition;
import dev.tandem.input.JsonInput;
import dev.tandem.triage.AnalysisState;
import dev.tandem.triage.ComponentSelector;
import dev.tandem.triage.Justification;
import dev.tandem.triage.Origin;
import dev.tandem.triage.Response;
import dev.tandem.triage.Statement;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads a triage decisions file: a mapping with {@code decisions}, a list of entries, each naming a
 * vulnerability, a component (package URL or CPE), a CycloneDX analysis state and optionally a
 * justification, responses, detail, author and time. Unknown keys, duplicate keys, unknown values and
 * contradictions (a justification on a state other than not_affected; not_affected without a
 * justification or a detail) are refused with the file, line and JSON pointer.
 */
public final class DecisionsReader {

    /** Decisions files are written by people; far larger ones are refused, not read. */
    public static final long MAX_BYTES = 16L << 20;

    private static final InputLimits LIMITS = new InputLimits(MAX_BYTES, 32, 256 * 1024, 1, 1);
    private static final ObjectMapper JSON = JsonInput.json(LIMITS);
    private static final ObjectMapper YAML = JsonInput.yaml(LIMITS);
    private static final Set<String> KEYS = Set.of("vulnerability", "component", "state", "justification", "response",
            "detail", "author", "time");

    private final String source;
    private final Map<String, InputPosition> positions;

    private DecisionsReader(String source, Map<String, InputPosition> positions) {
        this.source = source;
        this.positions = positions;
    }

    /** The statements of a decisions file, in file order. */
    public static List<Statement> read(InputDocument document) throws InputException {
        String source = document.source();
        byte[] bytes = document.content();
        if (bytes.length > MAX_BYTES) {
            throw new InputException(source, InputPosition.UNKNOWN, "is over the limit of " + MAX_BYTES + " bytes for a decisions file");
        }
        boolean json = looksLikeJson(bytes);
        if (!json) {
            JsonInput.checkYamlShape(source, bytes);
        }
        ObjectMapper mapper = json ? JSON : YAML;
        Map<String, InputPosition> positions = new HashMap<>();
        JsonNode root;
        try (JsonParser parser = mapper.getFactory().createParser(bytes)) {
            parser.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
            root = mapper.readTree(parser);
            if (root != null && parser.nextToken() != null) {
                throw new InputException(source, InputPosition.at(parser.currentTokenLocation().getLineNr(),
                        parser.currentTokenLocation().getColumnNr()), "more content after the end of the document");
            }
        } catch (JsonProcessingException e) {
            throw JsonInput.error(source, e);
        } catch (IOException | RuntimeException e) {
            throw JsonInput.error(source, e, null);
        }
        locate(mapper, bytes, positions);
        return new DecisionsReader(source, positions).statements(root);
    }

    private static boolean looksLikeJson(byte[] bytes) {
        for (byte b : bytes) {
            if (!Character.isWhitespace(b) && (b & 0xFF) != 0xEF && (b & 0xFF) != 0xBB && (b & 0xFF) != 0xBF) {
                return b == '{' || b == '[';
            }
        }
        return false;
    }

    /** Where each value starts, by JSON pointer; the document parsed once already, so this only costs time. */
    private static void locate(ObjectMapper mapper, byte[] bytes, Map<String, InputPosition> positions) {
        try (JsonParser parser = mapper.getFactory().createParser(bytes)) {
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                if (token == JsonToken.FIELD_NAME || token == JsonToken.END_OBJECT || token == JsonToken.END_ARRAY) {
                    continue;
                }
                var context = token.isStructStart() ? parser.getParsingContext().getParent() : parser.getParsingContext();
                String pointer = context.pathAsPointer().toString();
                positions.putIfAbsent(pointer, InputPosition.at(parser.currentTokenLocation().getLineNr(),
                        parser.currentTokenLocation().getColumnNr()));
            }
        } catch (IOException | RuntimeException e) {
            // Positions are a courtesy; the parse succeeded already.
        }
    }

    private InputException error(String pointer, String problem) {
        InputPosition at = positions.get(pointer);
        String shown = pointer.isEmpty() ? "/" : pointer;
        return new InputException(source, at == null ? InputPosition.pointer(shown)
                : new InputPosition(at.line(), at.column(), shown), problem);
    }

    private List<Statement> statements(JsonNode root) throws InputException {
        if (root == null || root.isMissingNode() || root.isNull()) {
            throw new InputException(source, InputPosition.UNKNOWN, "empty document: expected a mapping with 'decisions'");
        }
        if (!root.isObject()) {
            throw error("", "expected a mapping with 'decisions', found " + describe(root));
        }
        unknownKeys(root, "", Set.of("decisions"));
        JsonNode decisions = root.get("decisions");
        if (decisions == null || decisions.isNull()) {
            throw error("", "'decisions' is missing: expected a list of decisions");
        }
        if (!decisions.isArray()) {
            throw error("/decisions", "expected a list of decisions, found " + describe(decisions));
        }
        List<Statement> statements = new ArrayList<>();
        for (int i = 0; i < decisions.size(); i++) {
            statements.add(decision(decisions.get(i), "/decisions/" + i));
        }
        return statements;
    }

    private Statement decision(JsonNode entry, String pointer) throws InputException {
        if (!entry.isObject()) {
            throw error(pointer, "expected a decision (a mapping), found " + describe(entry));
        }
        unknownKeys(entry, pointer, KEYS);
        String vulnerability = required(entry, "vulnerability", pointer);
        String componentText = required(entry, "component", pointer);
        ComponentSelector component;
        try {
            component = ComponentSelector.of(componentText);
        } catch (IllegalArgumentException e) {
            throw error(pointer + "/component", e.getMessage());
        }
        if (component instanceof ComponentSelector.AnyComponent) {
            throw error(pointer + "/component", "a decision names one component (a package URL or a CPE), not '*'");
        }
        String stateText = required(entry, "state", pointer);
        AnalysisState state = parse(() -> AnalysisState.of(stateText), pointer + "/state");
        String justificationText = text(entry, "justification", pointer);
        Justification justification = justificationText.isEmpty() ? null
                : parse(() -> Justification.of(justificationText), pointer + "/justification");
        String detail = text(entry, "detail", pointer);
        if (justification != null && state != AnalysisState.NOT_AFFECTED) {
            throw error(pointer + "/justification", "a justification says why a component is not affected; the state is "
                    + state.label() + " (use detail to explain)");
        }
        if (state == AnalysisState.NOT_AFFECTED && justification == null && detail.isEmpty()) {
            throw error(pointer, "not_affected needs a justification or a detail saying why (CISA VEX minimum elements;"
                    + " CSAF VEX requires one of them)");
        }
        List<Response> responses = new ArrayList<>();
        JsonNode response = entry.get("response");
        if (response != null && !response.isNull()) {
            List<JsonNode> values = new ArrayList<>();
            if (response.isArray()) {
                response.forEach(values::add);
            } else {
                values.add(response);
            }
            for (int r = 0; r < values.size(); r++) {
                String at = response.isArray() ? pointer + "/response/" + r : pointer + "/response";
                if (!values.get(r).isTextual()) {
                    throw error(at, "expected a response such as update, found " + describe(values.get(r)));
                }
                String value = values.get(r).asText();
                Response parsed = parse(() -> Response.of(value), at);
                if (!responses.contains(parsed)) {
                    responses.add(parsed);
                }
            }
        }
        Instant time = time(entry, pointer);
        InputPosition at = positions.get(pointer);
        String where = at == null ? source : source + ":" + at.line();
        return new Statement(Origin.TRIAGE, where, vulnerability, component, state, justification, detail, responses,
                text(entry, "author", pointer), time, null, "");
    }

    private Instant time(JsonNode entry, String pointer) throws InputException {
        String text = text(entry, "time", pointer);
        if (text.isEmpty()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return LocalDate.parse(text).atStartOfDay().toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException again) {
                throw error(pointer + "/time", "expected a time such as 2026-11-03T10:00:00Z or a date such as 2026-11-03,"
                        + " found '" + shorten(text) + "'");
            }
        }
    }

    private String required(JsonNode entry, String key, String pointer) throws InputException {
        String value = text(entry, key, pointer);
        if (value.isEmpty()) {
            throw error(pointer, "'" + key + "' is missing");
        }
        return value;
    }

    private String text(JsonNode entry, String key, String pointer) throws InputException {
        JsonNode value = entry.get(key);
        if (value == null || value.isNull()) {
            return "";
        }
        if (!value.isValueNode()) {
            throw error(pointer + "/" + key, "expected text, found " + describe(value));
        }
        return value.asText().strip();
    }

    private void unknownKeys(JsonNode node, String pointer, Set<String> known) throws InputException {
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!known.contains(name)) {
                throw error(pointer + "/" + name.replace("~", "~0").replace("/", "~1"), "unknown key '" + shorten(name)
                        + "' (known here: " + String.join(", ", new TreeSet<>(known)) + ")");
            }
        }
    }

    private interface Parse<T> {
        T get();
    }

    private <T> T parse(Parse<T> parse, String pointer) throws InputException {
        try {
            return parse.get();
        } catch (IllegalArgumentException e) {
            throw error(pointer, e.getMessage());
        }
    }

    private static String describe(JsonNode node) {
        return dev.tandem.input.JsonTree.describe(node);
    }

    private static String shorten(String text) {
        return text.length() <= 80 ? text : text.substring(0, 80) + "...";
    }
}
