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
    private final RepeatedValues repeated;

    TokenCursor(JsonParser parser, String source, boolean yaml) {
        this(parser, source, yaml, null);
    }

    /** A cursor whose {@link #shared(String)} values come from {@code repeated} (null: none). */
    TokenCursor(JsonParser parser, String source, boolean yaml, RepeatedValues repeated) {
        this.parser = parser;
        this.source = source;
        this.yaml = yaml;
        this.repeated = repeated;
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

    /** Checks the current value as {@link #string(String)} does, without making the string (a value to drop). */
    void checkString(String what) throws InputException {
        JsonToken token = current();
        if (token == JsonToken.VALUE_STRING || yaml && token != null && token.isScalarValue() && token != JsonToken.VALUE_NULL) {
            return;
        }
        throw error(what + " must be a string, found " + describe(token));
    }

    /** Checks an array of strings as {@link #strings(String)} does, without making them. */
    void checkStrings(String what) throws IOException, InputException {
        if (isNull()) {
            return;
        }
        expectArray(what);
        while (nextElement()) {
            checkString(what + " entries");
        }
    }

    /**
     * As {@link #string(String)}, for a value that recurs across records: the load's equal string
     * when it holds one (read from the parser's buffer, no copy made for a repeat).
     */
    String shared(String what) throws IOException, InputException {
        if (repeated == null) {
            return string(what);
        }
        if (current() == JsonToken.VALUE_STRING && !yaml) {
            return repeated.of(parser.getTextCharacters(), parser.getTextOffset(), parser.getTextLength());
        }
        return repeated.text(string(what));
    }

    /** The load's value equal to {@code value} when it holds one (immutable values only), else {@code value}. */
    <T> T reuse(T value) {
        return repeated == null ? value : repeated.of(value);
    }

    /** As {@link #strings(String)}, each entry {@link #shared(String) shared}. */
    List<String> sharedStrings(String what) throws IOException, InputException {
        List<String> values = new ArrayList<>();
        if (isNull()) {
            return values;
        }
        expectArray(what);
        while (nextElement()) {
            values.add(shared(what + " entries"));
        }
        return values;
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

    /**
     * The position of the current token, to report a problem found later (a missing field). Its
     * JSON pointer is worked out only when the problem is reported: most marks never are, and
     * building pointers was 6 % of {@code db build} (issue 20). The parser reuses its contexts, so
     * the mark keeps a frozen copy of the path (a few small objects) for Jackson to write later.
     */
    Mark mark() {
        JsonLocation location = parser.currentTokenLocation();
        int line = location == null ? 0 : location.getLineNr();
        int column = location == null ? 0 : location.getColumnNr();
        JsonStreamContext context = parser.getParsingContext();
        JsonToken token = current();
        if ((token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) && context.getParent() != null) {
            context = context.getParent();
        }
        return new Mark(Math.max(line, 0), Math.max(column, 0), Frozen.of(context));
    }

    InputException error(Mark mark, String problem) {
        return new InputException(source, mark.position(), problem);
    }

    /** A token's line, column and path, kept until a problem needs its {@link InputPosition}. */
    static final class Mark {
        private final int line;
        private final int column;
        private final JsonStreamContext path;

        private Mark(int line, int column, JsonStreamContext path) {
            this.line = line;
            this.column = column;
            this.path = path;
        }

        /** The position with the JSON pointer of the token; for an opening bracket, of the container itself. */
        InputPosition position() {
            String pointer = path.pathAsPointer().toString();
            return new InputPosition(line, column, pointer.isEmpty() ? "/" : pointer);
        }
    }

    /** An unchanging copy of one parsing context and its parents, for {@link JsonStreamContext#pathAsPointer()}. */
    private static final class Frozen extends JsonStreamContext {
        private final String name;
        private Frozen parent;

        private Frozen(JsonStreamContext live) {
            super(live);
            this.name = live.getCurrentName();
        }

        static Frozen of(JsonStreamContext live) {
            Frozen first = null;
            Frozen last = null;
            for (JsonStreamContext c = live; c != null; c = c.getParent()) {
                Frozen copy = new Frozen(c);
                if (last == null) {
                    first = copy;
                } else {
                    last.parent = copy;
                }
                last = copy;
            }
            return first;
        }

        @Override
        public JsonStreamContext getParent() {
            return parent;
        }

        @Override
        public String getCurrentName() {
            return name;
        }
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
