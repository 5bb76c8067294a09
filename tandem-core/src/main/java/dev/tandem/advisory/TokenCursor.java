package dev.tandem.advisory;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import dev.tandem.input.InputException;
import dev.tandem.input.InputPosition;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A streaming walk over one JSON or YAML document that knows where it is: every problem it
 * reports names the source, line, column and JSON pointer of the offending token. Streaming
 * (rather than a tree) keeps positions exact and skips unknown fields without building them.
 */
final class TokenCursor {

    private final JsonParser parser;
    private final String source;
    private final boolean yaml;

    TokenCursor(JsonParser parser, String source, boolean yaml) {
        this.parser = parser;
        this.source = source;
        this.yaml = yaml;
    }

    String source() {
        return source;
    }

    JsonToken next() throws IOException, InputException {
        JsonToken token = parser.nextToken();
        if (token == null) {
            throw error("the document ends too early");
        }
        return token;
    }

    JsonToken current() {
        return parser.currentToken();
    }

    /** The name of the field the cursor stands on (a FIELD_NAME token). */
    String fieldName() throws IOException {
        return parser.currentName();
    }

    void skipValue() throws IOException {
        parser.skipChildren();
    }

    boolean isNull() {
        return parser.currentToken() == JsonToken.VALUE_NULL;
    }

    /** Moves to the next field of the current object; false at its end. */
    boolean nextField() throws IOException, InputException {
        JsonToken token = next();
        if (token == JsonToken.END_OBJECT) {
            return false;
        }
        if (token != JsonToken.FIELD_NAME) {
            throw error("expected a field name, found " + describe(token));
        }
        next();
        return true;
    }

    /** Moves into the next element of the current array; false at its end. */
    boolean nextElement() throws IOException, InputException {
        return next() != JsonToken.END_ARRAY;
    }

    void expectObject(String what) throws InputException {
        if (current() != JsonToken.START_OBJECT) {
            throw error(what + " must be an object, found " + describe(current()));
        }
    }

    void expectArray(String what) throws InputException {
        if (current() != JsonToken.START_ARRAY) {
            throw error(what + " must be an array, found " + describe(current()));
        }
    }

    /**
     * The current value as text. YAML plain scalars that look like numbers or booleans are taken as
     * written ({@code fixed: 1.10} stays "1.10"); JSON demands a string.
     */
    String string(String what) throws IOException, InputException {
        JsonToken token = current();
        if (token == JsonToken.VALUE_STRING) {
            return parser.getText();
        }
        if (yaml && token != null && token.isScalarValue() && token != JsonToken.VALUE_NULL) {
            return parser.getText();
        }
        throw error(what + " must be a string, found " + describe(token));
    }

    /** A string, or null for a JSON null. */
    String optionalString(String what) throws IOException, InputException {
        return isNull() ? null : string(what);
    }

    /** An array of strings; null gives an empty list. */
    List<String> strings(String what) throws IOException, InputException {
        List<String> values = new ArrayList<>();
        if (isNull()) {
            return values;
        }
        expectArray(what);
        while (nextElement()) {
            values.add(string(what + " entries"));
        }
        return values;
    }

    InputException error(String problem) {
        return error(mark(), problem);
    }

    /** The position of the current token, to report a problem found later (a missing field). */
    InputPosition mark() {
        JsonLocation location = parser.currentTokenLocation();
        int line = location == null ? 0 : location.getLineNr();
        int column = location == null ? 0 : location.getColumnNr();
        return new InputPosition(Math.max(line, 0), Math.max(column, 0), pointer());
    }

    InputException error(InputPosition position, String problem) {
        return new InputException(source, position, problem);
    }

    /** The JSON pointer of the current token; for an opening bracket, the pointer of the container itself. */
    private String pointer() {
        JsonStreamContext context = parser.getParsingContext();
        JsonToken token = current();
        if ((token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) && context.getParent() != null) {
            context = context.getParent();
        }
        String pointer = context.pathAsPointer().toString();
        return pointer.isEmpty() ? "/" : pointer;
    }

    static String describe(JsonToken token) {
        if (token == null) {
            return "the end of the document";
        }
        return switch (token) {
            case START_OBJECT -> "an object";
            case START_ARRAY -> "an array";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            default -> token.toString();
        };
    }
}
