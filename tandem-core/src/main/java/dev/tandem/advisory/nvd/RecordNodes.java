package dev.tandem.advisory.nvd;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.input.InputException;
import dev.tandem.input.InputLimits;
import dev.tandem.input.InputPosition;
import dev.tandem.input.JsonTree;
import java.util.ArrayList;
import java.util.List;

/**
 * Typed access to one record's JSON tree, read out of a larger document that is streamed: every
 * problem names the document and the JSON pointer from its root, with the line and column found by
 * streaming the bytes again (errors are rare; the happy path pays nothing for them).
 */
final class RecordNodes {

    /** Past this many positioned errors in one document, errors give the pointer only (each lookup re-reads the document). */
    private static final int MAX_LOCATED = 50;

    private final String source;
    private final byte[] bytes;
    private final InputLimits limits;
    private int located;

    RecordNodes(String source, byte[] bytes, InputLimits limits) {
        this.source = source;
        this.bytes = bytes;
        this.limits = limits;
    }

    String source() {
        return source;
    }

    /** The string at {@code parent.field}, stripped; "" when absent or null; numbers and booleans as text. */
    String text(JsonNode parent, String field, String pointer) throws InputException {
        JsonNode node = parent.path(field);
        if (node.isMissingNode() || node.isNull()) {
            return "";
        }
        if (node.isValueNode()) {
            return node.asText().strip();
        }
        throw error(JsonTree.child(pointer, field), "expected a string, found " + JsonTree.describe(node));
    }

    /** The boolean at {@code parent.field}; {@code otherwise} when absent or null. */
    boolean bool(JsonNode parent, String field, String pointer, boolean otherwise) throws InputException {
        JsonNode node = parent.path(field);
        if (node.isMissingNode() || node.isNull()) {
            return otherwise;
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isTextual() && (node.asText().equals("true") || node.asText().equals("false"))) {
            return Boolean.parseBoolean(node.asText());
        }
        throw error(JsonTree.child(pointer, field), "expected true or false, found " + JsonTree.describe(node));
    }

    /** The elements of the array {@code parent.field}; empty when absent or null. */
    List<JsonNode> array(JsonNode parent, String field, String pointer) throws InputException {
        JsonNode node = parent.path(field);
        if (node.isMissingNode() || node.isNull()) {
            return List.of();
        }
        if (!node.isArray()) {
            throw error(JsonTree.child(pointer, field), "expected an array, found " + JsonTree.describe(node));
        }
        List<JsonNode> elements = new ArrayList<>(node.size());
        node.forEach(elements::add);
        return elements;
    }

    /** The object {@code parent.field}; a missing node when absent or null. */
    JsonNode object(JsonNode parent, String field, String pointer) throws InputException {
        JsonNode node = parent.path(field);
        if (node.isMissingNode() || node.isNull()) {
            return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
        }
        if (!node.isObject()) {
            throw error(JsonTree.child(pointer, field), "expected an object, found " + JsonTree.describe(node));
        }
        return node;
    }

    /** Requires {@code node} (an array element) to be an object. */
    JsonNode element(JsonNode node, String pointer) throws InputException {
        if (!node.isObject()) {
            throw error(pointer, "expected an object, found " + JsonTree.describe(node));
        }
        return node;
    }

    InputException error(String pointer, String problem) {
        InputPosition position = located++ < MAX_LOCATED ? JsonTree.position(bytes, limits, pointer)
                : InputPosition.pointer(pointer.isEmpty() ? "/" : pointer);
        return new InputException(source, position, problem);
    }

    static String child(String pointer, String field) {
        return JsonTree.child(pointer, field);
    }

    static String child(String pointer, int index) {
        return JsonTree.child(pointer, index);
    }
}
