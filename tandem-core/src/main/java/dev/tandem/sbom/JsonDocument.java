package dev.tandem.sbom;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.tandem.input.InputException;
import dev.tandem.input.InputPosition;
import dev.tandem.input.JsonInput;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A parsed JSON SBOM with typed field access. The rule for wrong types is the same everywhere: a
 * number or boolean where a string is expected is read as its text (real SBOMs write versions as
 * numbers); any other mismatch is an error naming the file, line, column and JSON pointer.
 */
final class JsonDocument {

    /** Keeps {@code "version": 1.20} as "1.20" instead of the double 1.2. */
    private static final ObjectReader READER = JsonInput.json().reader()
            .with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .without(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES);

    private final Path file;
    private final byte[] bytes;
    private final JsonNode root;

    private JsonDocument(Path file, byte[] bytes, JsonNode root) {
        this.file = file;
        this.bytes = bytes;
        this.root = root;
    }

    static JsonDocument parse(Path file, byte[] bytes) throws InputException {
        JsonNode root;
        try (JsonParser parser = READER.createParser(bytes)) {
            try {
                root = READER.readTree(parser);
            } catch (JsonProcessingException e) {
                throw error(file, e, parser);
            }
        } catch (IOException e) {
            throw new InputException(file, InputPosition.UNKNOWN, "cannot read the file: " + e.getMessage(), e);
        }
        if (root == null || root.isMissingNode()) {
            throw new InputException(file, InputPosition.UNKNOWN, "empty document, expected a JSON object");
        }
        JsonDocument document = new JsonDocument(file, bytes, root);
        if (!root.isObject()) {
            throw document.error("", "expected a JSON object at the top level, found " + describe(root));
        }
        return document;
    }

    /**
     * Jackson's limit errors (nesting depth, string length) carry no location; the parser still
     * knows where it stopped, so the user gets a line either way.
     */
    static InputException error(Path file, JsonProcessingException e, JsonParser parser) {
        return JsonInput.error(file.toString(), e, parser);
    }

    JsonNode root() {
        return root;
    }

    /** The string value of {@code parent.field}, "" when absent or null. */
    String text(JsonNode parent, String field, String parentPointer) throws InputException {
        return text(parent.path(field), child(parentPointer, field));
    }

    String text(JsonNode node, String pointer) throws InputException {
        if (node.isMissingNode() || node.isNull()) {
            return "";
        }
        if (node.isValueNode()) {
            return node.asText().strip();
        }
        throw error(pointer, "expected a string, found " + describe(node));
    }

    /** The elements of {@code parent.field}, empty when absent or null. */
    List<JsonNode> array(JsonNode parent, String field, String parentPointer) throws InputException {
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

    /** The object at {@code parent.field}, a missing node when absent or null. */
    JsonNode object(JsonNode parent, String field, String parentPointer) throws InputException {
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
    JsonNode element(JsonNode node, String pointer) throws InputException {
        if (!node.isObject()) {
            throw error(pointer, "expected an object, found " + describe(node));
        }
        return node;
    }

    static String child(String pointer, String field) {
        return pointer + "/" + field.replace("~", "~0").replace("/", "~1");
    }

    static String child(String pointer, int index) {
        return pointer + "/" + index;
    }

    /** An error at a JSON pointer, with the line and column found by re-reading the file (errors are rare). */
    InputException error(String pointer, String problem) {
        JsonLocation location = locate(pointer);
        String shown = pointer.isEmpty() ? "/" : pointer;
        InputPosition position = location == null
                ? InputPosition.pointer(shown)
                : new InputPosition(location.getLineNr(), location.getColumnNr(), shown);
        return new InputException(file, position, problem);
    }

    private JsonLocation locate(String pointer) {
        try (JsonParser parser = JsonInput.json().getFactory().createParser(bytes)) {
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                if (token == JsonToken.FIELD_NAME || token == JsonToken.END_OBJECT || token == JsonToken.END_ARRAY) {
                    continue;
                }
                JsonStreamContext context = parser.getParsingContext();
                if (token.isStructStart()) {
                    context = context.getParent();
                }
                if (context.pathAsPointer().toString().equals(pointer)) {
                    return parser.currentTokenLocation();
                }
            }
        } catch (IOException e) {
            // The document parsed once already; a failure here only costs the line number.
        }
        return null;
    }

    private static String describe(JsonNode node) {
        return switch (node.getNodeType()) {
            case OBJECT -> "an object";
            case ARRAY -> "an array";
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case NULL -> "null";
            default -> node.getNodeType().toString().toLowerCase(java.util.Locale.ROOT);
        };
    }
}
