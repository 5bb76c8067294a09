package dev.tandem.pqc.inventory;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.tandem.input.InputPosition;
import dev.tandem.input.JsonInput;
import java.io.IOException;

/**
 * Finds the line and column of a JSON pointer by streaming the document again; used only when a
 * problem is found after binding (a dangling reference), so the happy path pays nothing.
 */
final class JsonPointerLocator {

    private JsonPointerLocator() {
    }

    /** The position of the value at {@code pointer}, with the pointer itself; the pointer alone if not found. */
    static InputPosition locate(byte[] document, String pointer) {
        try (JsonParser parser = JsonInput.json().getFactory().createParser(document)) {
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                if (token == JsonToken.FIELD_NAME) {
                    continue;
                }
                // At a START_OBJECT/START_ARRAY the context is the new container, whose path is its own.
                String here = parser.getParsingContext().pathAsPointer().toString();
                if (here.equals(pointer)) {
                    JsonLocation location = parser.currentTokenLocation();
                    return new InputPosition(location.getLineNr(), location.getColumnNr(), pointer);
                }
            }
        } catch (IOException | RuntimeException e) {
            // The document was already parsed once; failing to locate only loses the line number.
        }
        return InputPosition.pointer(pointer);
    }
}
