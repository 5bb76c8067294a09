package dev.tandem.input;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One JSON document parsed once, under {@link InputLimits}, into a tree with typed access. It is the
 * one place JSON positions are told: a parser failure (syntax, a limit) through
 * {@link JsonInput#error(String, Exception, JsonParser)}, and a problem found later in the tree (a
 * value of the wrong type, a dangling reference) at its JSON pointer, with the line and column found
 * by streaming the bytes again. Errors are rare, so the happy path pays nothing for them.
 *
 * <p>The rule for wrong types is the same for every reader: a number or boolean where a string is
 * expected is read as its text (real SBOMs write versions as numbers, {@code 1.20} stays "1.20"); any
 * other mismatch is an error "expected an array, found an object" at the value's pointer.
 */
public final class JsonTree {

    private static final ObjectReader DEFAULT_READER = reader(JsonInput.json());

    private final String source;
    private final byte[] bytes;
    private final InputLimits limits;
    private final JsonNode root;

    private JsonTree(String source, byte[] bytes, InputLimits limits, JsonNode root) {
        this.source = source;
        this.bytes = bytes;
        this.limits = limits;
        this.root = root;
    }

    /**
     * Parses a whole document whose top level must be an object.
     *
     * @throws InputException for malformed JSON, content after the document, a limit crossed, or a
     *                        top level that is not an object, naming {@code source} and the position
     */
    public static JsonTree parse(String source, byte[] bytes, InputLimits limits) throws InputException {
        Objects.requireNonNull(source, "source");
        ObjectReader reader = limits.equals(InputLimits.DEFAULT) ? DEFAULT_READER : reader(JsonInput.json(limits));
        JsonNode root;
        try (JsonParser parser = new TreeBudget(reader.createParser(bytes), limits.maxTreeBytes())) {
            try {
                root = reader.readTree(parser);
                if (root != null && !root.isMissingNode() && parser.nextToken() != null) {
                    JsonLocation at = parser.currentTokenLocation();
                    throw new InputException(source, InputPosition.at(at.getLineNr(), at.getColumnNr()),
                            "more content after the end of the JSON document");
                }
            } catch (JsonProcessingException e) {
                throw JsonInput.error(source, e, parser);
            }
        } catch (IOException e) {
            throw new InputException(source, InputPosition.UNKNOWN, "cannot read the document: " + e.getMessage(), e);
        }
        if (root == null || root.isMissingNode()) {
            throw new InputException(source, InputPosition.UNKNOWN, "empty document, expected a JSON object");
        }
        JsonTree tree = new JsonTree(source, bytes, limits, root);
        if (!root.isObject()) {
            throw tree.error("", "expected a JSON object at the top level, found " + describe(root));
        }
        return tree;
    }

    /** Keeps {@code "version": 1.20} as "1.20" instead of the double 1.2. */
    private static ObjectReader reader(ObjectMapper mapper) {
        return mapper.reader()
                .with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .without(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES);
    }

    /** The name errors give the document. */
    public String source() {
        return source;
    }

    /** The top-level object. */
    public JsonNode root() {
        return root;
    }

    /** The string value of {@code parent.field}, stripped; "" when absent or null. */
    public String text(JsonNode parent, String field, String parentPointer) throws InputException {
        return text(parent.path(field), child(parentPointer, field));
    }

    /** The string value of {@code node}, stripped; "" when absent or null. */
    public String text(JsonNode node, String pointer) throws InputException {
        String value = value(node, pointer);
        return value == null ? "" : value.strip();
    }

    /** The string value of {@code parent.field} exactly as written; null when absent or null. */
    public String value(JsonNode parent, String field, String parentPointer) throws InputException {
        return value(parent.path(field), child(parentPointer, field));
    }

    private String value(JsonNode node, String pointer) throws InputException {
        if (node.isMissingNode() || node.isNull()) {
            return null;
        }
        if (node.isValueNode()) {
            return node.asText();
        }
        throw error(pointer, "expected a string, found " + describe(node));
    }

    /** The integer at {@code parent.field}; null when absent, null or an empty string. */
    public Integer integer(JsonNode parent, String field, String parentPointer) throws InputException {
        JsonNode node = parent.path(field);
        String pointer = child(parentPointer, field);
        if (node.isMissingNode() || node.isNull()) {
            return null;
        }
        if (node.isNumber() && node.canConvertToInt()) {
            return node.intValue();
        }
        if (node.isTextual()) {
            String text = node.asText().strip();
            if (text.isEmpty()) {
                return null;
            }
            try {
                return Integer.valueOf(text);
            } catch (NumberFormatException e) {
                // Said below, in JSON terms.
            }
        }
        String found = node.isNumber() ? "a number out of range" : describe(node);
        throw error(pointer, "expected an integer, found " + found);
    }

    /** The elements of {@code parent.field}, empty when absent or null. */
    public List<JsonNode> array(JsonNode parent, String field, String parentPointer) throws InputException {
        JsonNode node = parent.path(field);
        if (node.isMissingNode() || node.isNull()) {
            return List.of();
        }
        if (!node.isArray()) {
            throw error(child(parentPointer, field), "expected an array, found " + describe(node));
        }
        List<JsonNode> elements = new ArrayList<>(node.size());
        node.forEach(elements::add);
        return elements;
    }

    /**
     * The strings of the array {@code parent.field} as written; empty when absent. A null element stays
     * null, so an index still matches its pointer.
     */
    public List<String> values(JsonNode parent, String field, String parentPointer) throws InputException {
        String pointer = child(parentPointer, field);
        List<JsonNode> elements = array(parent, field, parentPointer);
        List<String> values = new ArrayList<>(elements.size());
        for (int i = 0; i < elements.size(); i++) {
            values.add(value(elements.get(i), child(pointer, i)));
        }
        return values;
    }

    /** The object at {@code parent.field}, a missing node when absent or null. */
    public JsonNode object(JsonNode parent, String field, String parentPointer) throws InputException {
        JsonNode node = parent.path(field);
        if (node.isMissingNode() || node.isNull()) {
            return MissingNode.getInstance();
        }
        if (!node.isObject()) {
            throw error(child(parentPointer, field), "expected an object, found " + describe(node));
        }
        return node;
    }

    /** Requires an array element to be an object. */
    public JsonNode element(JsonNode node, String pointer) throws InputException {
        if (!node.isObject()) {
            throw error(pointer, "expected an object, found " + describe(node));
        }
        return node;
    }

    /** {@code pointer} extended by a field name, escaped as RFC 6901 says. */
    public static String child(String pointer, String field) {
        return pointer + "/" + field.replace("~", "~0").replace("/", "~1");
    }

    /** {@code pointer} extended by an array index. */
    public static String child(String pointer, int index) {
        return pointer + "/" + index;
    }

    /** An error about the value at {@code pointer} ("" for the document), with its line and column. */
    public InputException error(String pointer, String problem) {
        return new InputException(source, position(pointer), problem);
    }

    /** Where the value at {@code pointer} starts, with the pointer ("/" for the document); the pointer alone if not found. */
    public InputPosition position(String pointer) {
        return position(bytes, limits, pointer);
    }

    /**
     * Where the value at {@code pointer} starts in a JSON document, found by streaming it again, with
     * the pointer ("/" for the document); the pointer alone if not found. For readers that stream a
     * large document instead of holding its tree.
     */
    public static InputPosition position(byte[] bytes, InputLimits limits, String pointer) {
        JsonLocation location = locate(bytes, limits, pointer);
        String shown = pointer.isEmpty() ? "/" : pointer;
        return location == null ? InputPosition.pointer(shown)
                : new InputPosition(location.getLineNr(), location.getColumnNr(), shown);
    }

    private static JsonLocation locate(byte[] bytes, InputLimits limits, String pointer) {
        try (JsonParser parser = JsonInput.json(limits).getFactory().createParser(bytes)) {
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                if (token == JsonToken.FIELD_NAME || token == JsonToken.END_OBJECT || token == JsonToken.END_ARRAY) {
                    continue;
                }
                // At the start of an object or array the context is already the new container's.
                JsonStreamContext context = token.isStructStart() ? parser.getParsingContext().getParent()
                        : parser.getParsingContext();
                if (context.pathAsPointer().toString().equals(pointer)) {
                    return parser.currentTokenLocation();
                }
            }
        } catch (IOException | RuntimeException e) {
            // The document parsed once already; failing to locate only costs the line number.
        }
        return null;
    }

    /** "an object", "a string", … for messages in JSON terms. */
    public static String describe(JsonNode node) {
        return switch (node.getNodeType()) {
            case OBJECT -> "an object";
            case ARRAY -> "an array";
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case NULL -> "null";
            default -> node.getNodeType().toString().toLowerCase(Locale.ROOT);
        };
    }
}
