package dev.tandem.advisory;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import dev.tandem.input.InputException;
import dev.tandem.input.InputPosition;
import java.io.IOException;
import java.time.Instant;
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
    private final FieldNames names;
    private CharsView view;

    TokenCursor(JsonParser parser, String source, boolean yaml) {
        this(parser, source, yaml, null);
    }

    /** A cursor whose {@link #shared(String)} values come from {@code repeated} (null: none). */
    TokenCursor(JsonParser parser, String source, boolean yaml, RepeatedValues repeated) {
        this(parser, source, yaml, repeated, null);
    }

    /**
     * As {@link #TokenCursor(JsonParser, String, boolean, RepeatedValues)}; with {@code names} not null, every
     * token the cursor moves over is checked for a key given twice in one object (a parser without Jackson's
     * own detection), which throws {@link DuplicateKey}, and every string is decoded as it is met (as the
     * checked parser does: a malformed string fails at its token). Every token must then be read through the cursor.
     */
    TokenCursor(JsonParser parser, String source, boolean yaml, RepeatedValues repeated, FieldNames names) {
        this.parser = parser;
        this.source = source;
        this.yaml = yaml;
        this.repeated = repeated;
        this.names = names;
        if (names != null) {
            names.reset();
        }
    }

    /**
     * A key given twice in one object, found by the cursor: the reader reads the document again with
     * Jackson's own detection, whose error (message and position) is the one reported.
     */
    static final class DuplicateKey extends RuntimeException {
        private static final long serialVersionUID = 1L;

        DuplicateKey() {
            super("a key given twice", null, false, false);
        }
    }

    String source() {
        return source;
    }

    JsonToken next() throws IOException, InputException {
        JsonToken token = advance();
        if (token == null) {
            throw error("the document ends too early");
        }
        return token;
    }

    /** The next token, null at the end of the input. */
    JsonToken advance() throws IOException {
        JsonToken token = parser.nextToken();
        if (names != null && token != null) {
            track(token);
        }
        return token;
    }

    private void track(JsonToken token) throws IOException {
        switch (token) {
            case FIELD_NAME -> {
                if (!names.add(parser.currentName())) {
                    throw new DuplicateKey();
                }
            }
            case START_OBJECT -> names.open();
            case END_OBJECT -> names.close();
            // Decoded at once, as the checked parser does: a malformed string is an error at its token,
            // before the reader looks at the token's type.
            case VALUE_STRING -> parser.getTextLength();
            default -> {
            }
        }
    }

    JsonToken current() {
        return parser.currentToken();
    }

    /** The name of the field the cursor stands on (a FIELD_NAME token). */
    String fieldName() throws IOException {
        return parser.currentName();
    }

    void skipValue() throws IOException {
        if (names == null) {
            parser.skipChildren();
            return;
        }
        JsonToken start = current();
        if (start != JsonToken.START_OBJECT && start != JsonToken.START_ARRAY) {
            return;
        }
        // As JsonParser.skipChildren, every token seen (a skipped object may hold a key twice too).
        int open = 1;
        while (open > 0) {
            JsonToken token = advance();
            if (token == null) {
                return;
            }
            if (token.isStructStart()) {
                open++;
            } else if (token.isStructEnd()) {
                open--;
            }
        }
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

    /**
     * The current value as an instant when it is a JSON string of RFC 3339's common shape ({@link
     * Rfc3339#fastPath}), read in the parser's buffer without making a string; else null, and the caller reads
     * the value as text. Such a value has no white space around it, so it is what the text stripped gives.
     * With a table of repeated values, the instant is the table's ({@link RepeatedValues#instant}).
     */
    Instant commonInstant() throws IOException {
        if (yaml || current() != JsonToken.VALUE_STRING) {
            return null;
        }
        if (view == null) {
            view = new CharsView();
        }
        view.chars = parser.getTextCharacters();
        view.offset = parser.getTextOffset();
        view.length = parser.getTextLength();
        Instant instant = Rfc3339.fastPath(view, repeated);
        view.chars = null;
        return instant;
    }

    /** A part of the parser's buffer as a {@link CharSequence}, for the moment it is read. */
    private static final class CharsView implements CharSequence {
        private char[] chars;
        private int offset;
        private int length;

        @Override
        public int length() {
            return length;
        }

        @Override
        public char charAt(int index) {
            if (index < 0 || index >= length) {
                throw new IndexOutOfBoundsException(index);
            }
            return chars[offset + index];
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return toString().substring(start, end);
        }

        @Override
        public String toString() {
            return new String(chars, offset, length);
        }
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

    /**
     * As {@link #mark()} for the object the cursor stands on (its START_OBJECT), for a problem reported
     * once the cursor has reached that object's end and before it moves on: the containing contexts are
     * then as they were at the mark (the parser changes them only when it leaves the object's place), so
     * the mark keeps them live instead of copying the path for every object of every record (a copy per
     * object was most of this class's share of {@code db build}, issue 20).
     */
    Mark objectMark() {
        JsonLocation location = parser.currentTokenLocation();
        int line = location == null ? 0 : location.getLineNr();
        int column = location == null ? 0 : location.getColumnNr();
        JsonStreamContext context = parser.getParsingContext();
        if (context.getParent() != null) {
            context = context.getParent();
        }
        return new Mark(Math.max(line, 0), Math.max(column, 0), context);
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
